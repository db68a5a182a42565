//! A [`Tally`]'s stored form: version byte 1, then LEB128 varints (zigzag for signed): the
//! four counts, the four bitmaps (length, then the roaring portable format), and per measure
//! the number of distinct values followed by (value minus the previous value, count) pairs in
//! ascending order — a day's durations are close together, so most pairs take two bytes.

use roaring::RoaringTreemap;

use super::tally::{BadTally, Tally};

const VERSION: u8 = 1;

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_signed(out: &mut Vec<u8>, v: i64) {
    put(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn get(&mut self) -> Result<u64, BadTally> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first().ok_or(BadTally)?;
            self.0 = rest;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(BadTally)
    }

    fn get_signed(&mut self) -> Result<i64, BadTally> {
        let v = self.get()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn bitmap(&mut self) -> Result<RoaringTreemap, BadTally> {
        let len = usize::try_from(self.get()?).map_err(|_| BadTally)?;
        if len > self.0.len() {
            return Err(BadTally);
        }
        let (bytes, rest) = self.0.split_at(len);
        self.0 = rest;
        RoaringTreemap::deserialize_from(bytes).map_err(|_| BadTally)
    }
}

impl Tally {
    /// The stored form (see the module).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![VERSION];
        for v in [self.received, self.resolved, self.within, self.standard] {
            put_signed(&mut out, v);
        }
        for b in [
            &self.received_customers,
            &self.resolved_customers,
            &self.reopened,
            &self.reopened_customers,
        ] {
            let mut bytes = Vec::with_capacity(b.serialized_size());
            b.serialize_into(&mut bytes)
                .expect("writing to a Vec cannot fail");
            put(&mut out, bytes.len() as u64);
            out.extend_from_slice(&bytes);
        }
        for t in &self.times {
            let mut pairs: Vec<(i64, i64)> = t.iter().map(|(v, n)| (*v, *n)).collect();
            pairs.sort_unstable();
            put(&mut out, pairs.len() as u64);
            let mut last = 0i64;
            for (v, n) in pairs {
                put_signed(&mut out, v.wrapping_sub(last));
                put_signed(&mut out, n);
                last = v;
            }
        }
        out
    }

    /// Reads a stored form back.
    ///
    /// # Errors
    /// [`BadTally`] when the bytes are not one [`Tally::encode`] wrote.
    pub fn decode(bytes: &[u8]) -> Result<Tally, BadTally> {
        let mut t = Tally::default();
        t.merge_encoded(bytes)?;
        Ok(t)
    }

    /// [`Tally::merge`] of a stored form, read straight into `self` (no tally of its own is
    /// built: a report adds a day's stored tally to its period's once).
    ///
    /// # Errors
    /// [`BadTally`] when the bytes are not one [`Tally::encode`] wrote; `self` is then partly
    /// merged and must be dropped.
    pub fn merge_encoded(&mut self, bytes: &[u8]) -> Result<(), BadTally> {
        let (&version, rest) = bytes.split_first().ok_or(BadTally)?;
        if version != VERSION {
            return Err(BadTally);
        }
        let mut r = Reader(rest);
        self.received += r.get_signed()?;
        self.resolved += r.get_signed()?;
        self.within += r.get_signed()?;
        self.standard += r.get_signed()?;
        for set in [
            &mut self.received_customers,
            &mut self.resolved_customers,
            &mut self.reopened,
            &mut self.reopened_customers,
        ] {
            let read = r.bitmap()?;
            if set.is_empty() {
                *set = read;
            } else {
                *set |= read;
            }
        }
        for m in &mut self.times {
            let len = usize::try_from(r.get()?).map_err(|_| BadTally)?;
            m.reserve(len.min(r.0.len()));
            let mut last = 0i64;
            for _ in 0..len {
                last = last.wrapping_add(r.get_signed()?);
                *m.entry(last).or_default() += r.get_signed()?;
            }
        }
        if !r.0.is_empty() {
            return Err(BadTally);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::Times;
    use crate::reports::tally::MEASURES;

    fn sample() -> Tally {
        let mut t = Tally::default();
        t.add_received(
            7,
            [Some(3), Some(180), None, None, Some(-2), Some(i64::MAX)],
            Some(true),
        );
        t.add_received(
            9,
            [Some(3), Some(1), Some(60), Some(3600), None, Some(i64::MIN)],
            Some(false),
        );
        t.add_received(7, [None; MEASURES], None);
        t.add_resolved(9);
        t.add_reopened(41, 9);
        t.add_reopened(41, 9);
        t.add_reopened(1 << 40, 5);
        t
    }

    #[test]
    fn a_tally_reads_back_as_written() {
        let t = sample();
        assert_eq!(Tally::decode(&t.encode()), Ok(t.clone()));
        assert_eq!(
            Tally::decode(&Tally::default().encode()),
            Ok(Tally::default())
        );
        let f = t.figures(4);
        assert_eq!((f.received.complaints, f.received.customers), (3, 2));
        assert_eq!((f.reopened.complaints, f.reopened.customers), (2, 2));
        assert_eq!(f.first_response_within_standard.n, 2);
        assert_eq!(f.open_at_end, 4);
    }

    #[test]
    fn a_stored_form_merges_as_its_tally_does() {
        let mut other = Tally::default();
        other.add_received(
            8,
            [Some(3), Some(181), Some(5), None, None, None],
            Some(false),
        );
        other.add_resolved(7);
        let mut merged = other.clone();
        merged.merge(&sample());
        let mut read = other.clone();
        read.merge_encoded(&sample().encode()).unwrap();
        assert_eq!(read, merged);
        let mut into_empty = Tally::default();
        into_empty.merge_encoded(&sample().encode()).unwrap();
        assert_eq!(into_empty, sample());
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = sample().encode();
        assert_eq!(Tally::decode(&[]), Err(BadTally));
        assert_eq!(Tally::decode(&[2]), Err(BadTally));
        assert_eq!(Tally::decode(&bytes[..bytes.len() - 1]), Err(BadTally));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Tally::decode(&longer), Err(BadTally));
    }

    #[test]
    fn merged_percentiles_equal_those_of_all_values() {
        // Values spread over three "days"; the merged counts give Times::of of the union.
        let days: [&[i64]; 3] = [&[5, 1, 9, 9], &[2, 2, 30], &[7, 1, 100, 4, 4]];
        let mut all = Vec::new();
        let mut merged = Tally::default();
        for d in days {
            let mut t = Tally::default();
            for &v in d {
                t.add_received(1, [Some(v), None, None, None, None, None], None);
                all.push(v);
            }
            merged.merge(&Tally::decode(&t.encode()).unwrap());
        }
        let f = merged.figures(0);
        assert_eq!(f.first_response_service_minutes, Times::of(all));
        assert_eq!(f.first_response_calendar_seconds, Times::of(vec![]));
    }
}
