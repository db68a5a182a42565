//! The process's allocator settings, made before the first thread starts.
//!
//! glibc's malloc gives each thread that allocates concurrently an arena of its own, up to
//! 8 × the cores, and an arena's freed memory is rarely returned to the system. Under a steady
//! load Tend's resident memory then grows with the number of runtime and pool threads that have
//! ever allocated, not with what it holds (measured with `scripts/soak`: see docs/configuration.md,
//! "Memory"). Two arenas keep the server's memory flat at no measurable cost in latency.
//! `MALLOC_ARENA_MAX` in the environment, read by glibc itself, wins over this default.

/// Caps glibc's malloc arenas at two (a no-op on other C libraries, and when
/// `MALLOC_ARENA_MAX` is set).
pub fn cap_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only changes a malloc parameter; called before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}
