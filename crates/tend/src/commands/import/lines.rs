//! Lines as an editor numbers them, whatever the line ends: `\n`, `\r\n` and a lone `\r` each
//! end one line. The reader under the CSV parser notes where lines start; a record's line is
//! the line its first byte is on (a quoted field over several lines counts them all, so the
//! next record is numbered right). Memory: only line starts not yet passed are kept.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

#[derive(Default)]
struct State {
    /// Bytes read so far.
    offset: u64,
    /// Byte offsets where a line starts, not yet passed by `line_at`.
    starts: VecDeque<u64>,
    /// Lines before the first entry of `starts` (line 1 starts at byte 0).
    line: u64,
    prev_cr: bool,
}

/// Which line a byte offset is on, for offsets given in increasing order.
#[derive(Clone, Default)]
pub(super) struct Lines(Rc<RefCell<State>>);

impl Lines {
    /// The 1-based line of the byte at `byte` (offsets must not go backwards).
    pub fn line_at(&self, byte: u64) -> u64 {
        let mut s = self.0.borrow_mut();
        while s.starts.front().is_some_and(|&start| start <= byte) {
            s.starts.pop_front();
            s.line += 1;
        }
        s.line + 1
    }
}

/// A reader that tells [`Lines`] where lines start as bytes pass through it.
pub(super) struct Counting<R> {
    inner: R,
    lines: Lines,
}

impl<R: Read> Counting<R> {
    pub fn new(inner: R) -> (Self, Lines) {
        let lines = Lines::default();
        (
            Counting {
                inner,
                lines: lines.clone(),
            },
            lines,
        )
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut s = self.lines.0.borrow_mut();
        for (i, &b) in buf[..n].iter().enumerate() {
            let next = s.offset + i as u64 + 1;
            match b {
                b'\r' => s.starts.push_back(next),
                // `\r\n` is one line end, noted at the `\r`: the csv parser reports a record
                // after `\r\n` as starting at the `\n`, which is thus the next line's.
                b'\n' if s.prev_cr => {}
                b'\n' => s.starts.push_back(next),
                _ => {}
            }
            s.prev_cr = b == b'\r';
        }
        s.offset += n as u64;
        Ok(n)
    }
}

/// The separator of a CSV file from its header line: whichever of `,` `;` tab and `|` occurs
/// most outside quotes (`,` on a tie or when none does) — Excel writes `;` where the decimal
/// comma is the locale's (Spanish, Turkish).
pub(super) fn sniff_delimiter(head: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str, offsets: &[u64]) -> Vec<u64> {
        let (mut r, lines) = Counting::new(text.as_bytes());
        std::io::copy(&mut r, &mut std::io::sink()).unwrap();
        offsets.iter().map(|&o| lines.line_at(o)).collect()
    }

    #[test]
    fn every_line_end_counts_once() {
        // "a\r\nb\r\nc": a at 0, b at 3, c at 6.
        assert_eq!(starts("a\r\nb\r\nc", &[0, 3, 6]), [1, 2, 3]);
        assert_eq!(starts("a\nb\nc", &[0, 2, 4]), [1, 2, 3]);
        assert_eq!(starts("a\rb\rc", &[0, 2, 4]), [1, 2, 3]);
        assert_eq!(starts("a\r\n\"x\r\ny\"\r\nc", &[0, 3, 11]), [1, 2, 4]);
    }

    #[test]
    fn the_separator_is_sniffed_from_the_header() {
        assert_eq!(sniff_delimiter(b"name;email;\"a,b,c\"\r\nx"), b';');
        assert_eq!(sniff_delimiter(b"name,email\n"), b',');
        assert_eq!(sniff_delimiter(b"name\temail\n"), b'\t');
        assert_eq!(sniff_delimiter(b"name\n"), b',');
    }
}
