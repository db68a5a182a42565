//! A real Dovecot IMAP server for tests (the Debian package `dovecot-imapd`): started with a
//! generated configuration in a directory of its own, one user (`help@tend.test`, password
//! file), maildir storage, plain IMAP on 127.0.0.1 at a free port; with [`Dovecot::start_tls`]
//! also IMAPS on another, under a self-signed certificate made for the test (by the `openssl`
//! command, which Dovecot's Debian package depends on). Messages arrive by
//! IMAP `APPEND`, as a mail server's delivery would leave them (unseen). Run as root, the
//! login and internal processes use the package's `dovenull` and `dovecot` users and mail is
//! kept as `nobody`; otherwise everything runs as the current user.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use async_imap::Client;
use futures_util::TryStreamExt;
use tokio::net::TcpStream;

/// The one user's address and password.
pub const USER: &str = "help@tend.test";
pub const PASSWORD: &str = "imap-s3cret-pw";

static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A running Dovecot; stopped (SIGTERM) and its directory removed when dropped.
pub struct Dovecot {
    pub port: u16,
    /// The IMAPS port, when started with [`Dovecot::start_tls`].
    pub tls_port: Option<u16>,
    dir: PathBuf,
    child: Child,
}

/// The dovecot binary, if installed.
fn binary() -> Option<PathBuf> {
    ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

fn id(flag: &str) -> String {
    let out = Command::new("id").arg(flag).output().expect("id runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl Dovecot {
    /// Starts Dovecot, or `None` when it is not installed and `CI` is unset (the reason is
    /// printed). Panics when it is not installed under `CI=true`, or does not start.
    pub async fn start() -> Option<Dovecot> {
        Dovecot::start_with(false).await
    }

    /// [`Dovecot::start`] also serving IMAPS on `tls_port` under a self-signed certificate for
    /// `127.0.0.1` made now (its PEM at [`Dovecot::ca_file`]).
    pub async fn start_tls() -> Option<Dovecot> {
        Dovecot::start_with(true).await
    }

    async fn start_with(tls: bool) -> Option<Dovecot> {
        let Some(bin) = binary() else {
            let why = "dovecot is not installed: apt-get install -y dovecot-imapd (scripts/test does this)";
            if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false") {
                panic!("{why}");
            }
            eprintln!("SKIPPED (CI unset): {why}");
            return None;
        };
        let free = || {
            TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port()
        };
        let port = free();
        let tls_port = tls.then(free);
        let dir = std::env::temp_dir().join(format!(
            "tend-dovecot-{}-{port}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        for sub in ["run", "state", "mail"] {
            std::fs::create_dir_all(dir.join(sub)).expect("a temp dir");
        }
        let root = id("-u") == "0";
        let (login, internal, group, uid, gid) = if root {
            let nobody = (id_of("-u", "nobody"), id_of("-g", "nobody"));
            (
                "dovenull".into(),
                "dovecot".into(),
                "dovecot".into(),
                nobody.0,
                nobody.1,
            )
        } else {
            (id("-un"), id("-un"), id("-gn"), id("-u"), id("-g"))
        };
        set_mode(&dir, 0o755);
        set_mode(&dir.join("mail"), 0o777);
        let d = dir.display();
        let ssl = match tls_port {
            Some(_) => {
                self_signed(&dir);
                format!("ssl = yes\nssl_cert = <{d}/cert.pem\nssl_key = <{d}/key.pem\n")
            }
            None => "ssl = no\n".to_owned(),
        };
        std::fs::write(dir.join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}\n")).unwrap();
        let imaps = tls_port.unwrap_or(0);
        let conf = format!(
            "base_dir = {d}/run\nstate_dir = {d}/state\nlog_path = {d}/dovecot.log\n\
             protocols = imap\nlisten = 127.0.0.1\n{ssl}disable_plaintext_auth = no\n\
             auth_mechanisms = plain login\ndefault_login_user = {login}\n\
             default_internal_user = {internal}\ndefault_internal_group = {group}\n\
             first_valid_uid = 0\nmail_location = maildir:{d}/mail/%u\n\
             passdb {{\n driver = passwd-file\n args = scheme=PLAIN username_format=%u {d}/passwd\n}}\n\
             userdb {{\n driver = static\n args = uid={uid} gid={gid} home={d}/mail/%u\n}}\n\
             service imap-login {{\n chroot =\n inet_listener imap {{\n  address = 127.0.0.1\n  port = {port}\n }}\n inet_listener imaps {{\n  address = 127.0.0.1\n  port = {imaps}\n }}\n}}\n\
             service anvil {{\n chroot =\n}}\n"
        );
        std::fs::write(dir.join("dovecot.conf"), conf).unwrap();
        let child = Command::new(bin)
            .arg("-F")
            .arg("-c")
            .arg(dir.join("dovecot.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dovecot starts");
        let d = Dovecot {
            port,
            tls_port,
            dir,
            child,
        };
        for _ in 0..100 {
            if d.session().await.is_some() {
                return Some(d);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("dovecot did not start: {}", d.log());
    }

    /// `imap://help%40tend.test:PASSWORD@127.0.0.1:PORT/INBOX`.
    pub fn url(&self) -> String {
        let user = USER.replace('@', "%40");
        format!("imap://{user}:{PASSWORD}@127.0.0.1:{}/INBOX", self.port)
    }

    /// `imaps://help%40tend.test:PASSWORD@127.0.0.1:TLS_PORT/INBOX` (started with TLS).
    pub fn tls_url(&self) -> String {
        let user = USER.replace('@', "%40");
        let port = self.tls_port.expect("started with start_tls");
        format!("imaps://{user}:{PASSWORD}@127.0.0.1:{port}/INBOX")
    }

    /// The PEM file of the self-signed certificate IMAPS is served under.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("cert.pem")
    }

    /// Dovecot's own log.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("dovecot.log")).unwrap_or_default()
    }

    async fn session(&self) -> Option<async_imap::Session<TcpStream>> {
        let tcp = TcpStream::connect(("127.0.0.1", self.port)).await.ok()?;
        let mut client = Client::new(tcp);
        client.read_response().await.ok()??;
        client.login(USER, PASSWORD).await.ok()
    }

    /// Delivers `raw` into the INBOX, unseen (IMAP `APPEND`).
    pub async fn deliver(&self, raw: &[u8]) {
        let mut s = self.session().await.expect("dovecot answers");
        s.append("INBOX", None, None, raw).await.expect("APPEND");
        s.logout().await.ok();
    }

    /// How many messages in the INBOX are unseen and how many there are.
    pub async fn unseen_of(&self) -> (usize, usize) {
        let mut s = self.session().await.expect("dovecot answers");
        s.select("INBOX").await.expect("SELECT");
        let unseen = s.uid_search("UNSEEN").await.expect("SEARCH").len();
        let all = s.uid_search("ALL").await.expect("SEARCH").len();
        s.logout().await.ok();
        (unseen, all)
    }

    /// Marks every message unseen again (as if Tend had stopped before marking them).
    pub async fn mark_all_unseen(&self) {
        let mut s = self.session().await.expect("dovecot answers");
        s.select("INBOX").await.expect("SELECT");
        let _: Vec<_> = (s.uid_store("1:*", "-FLAGS.SILENT (\\Seen)").await)
            .expect("STORE")
            .try_collect()
            .await
            .expect("STORE");
        s.logout().await.ok();
    }
}

/// A self-signed certificate for `127.0.0.1` (an end entity: not a CA) and its key, as
/// `cert.pem` and `key.pem` in `dir`, valid for two days.
fn self_signed(dir: &std::path::Path) {
    let status = Command::new("openssl")
        .current_dir(dir)
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args([
            "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
        ])
        .args(["-subj", "/CN=127.0.0.1"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE"])
        .args(["-addext", "extendedKeyUsage=serverAuth"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs (the openssl package)");
    assert!(status.success(), "openssl made no certificate");
    set_mode(&dir.join("key.pem"), 0o644);
}

fn id_of(flag: &str, user: &str) -> String {
    let out = Command::new("id")
        .args([flag, user])
        .output()
        .expect("id runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
