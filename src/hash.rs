//! A fast hasher for the per-document maps and sets.
//!
//! Their keys are short words of our own word lists and entity ids, hashed at nearly every
//! token or mention; SipHash's protection against crafted keys buys nothing there, and costs
//! about a tenth of an extraction.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The hash of a token's bytes, eight at a time (FxHash's mixing): [`crate::segment::Token::hash`]
/// and the word lists' index, which reads its top bits.
#[inline]
pub(crate) fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

/// FNV-1a.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
    fn write_u32(&mut self, n: u32) {
        self.write(&n.to_le_bytes());
    }
}

/// A hash map with [`Fnv`] hashing.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A hash set with [`Fnv`] hashing.
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;
