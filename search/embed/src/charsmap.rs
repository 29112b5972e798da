//! Builds a SentencePiece `precompiled_charsmap` (as used by a Hugging Face `Precompiled`
//! normalizer) from a per-code-point replacement map.
//!
//! The blob is `u32 trie byte length`, the trie as little-endian u32 units, then the
//! replacement strings, each ended by NUL. The trie is a darts-clone double array over the
//! UTF-8 bytes of each source character: a unit holds its label in bits 0–7, a has-leaf flag in
//! bit 8 and the XOR offset to its children's base in bits 10–30; the child labelled `c` of
//! a node whose base is `b` lives at `b ^ c`, and a key's value unit (bit 31 set, the
//! replacement's offset in the low bits) at `b ^ 0`.

use std::collections::{BTreeMap, HashSet, VecDeque};

const HAS_LEAF: u32 = 1 << 8;
const IS_VALUE: u32 = 1 << 31;
const MAX_OFFSET: usize = 1 << 21;

#[derive(Default)]
struct TrieNode {
    children: BTreeMap<u8, usize>,
    value: Option<u32>,
}

/// The charsmap blob for `map` (source character → replacement, possibly empty).
pub(crate) fn precompiled_charsmap(map: &[(char, Vec<char>)]) -> Vec<u8> {
    let mut normalized: Vec<u8> = Vec::new();
    let mut offsets: BTreeMap<String, u32> = BTreeMap::new();
    let mut nodes = vec![TrieNode::default()];
    for (from, to) in map {
        let replacement: String = to.iter().collect();
        let value = *offsets.entry(replacement.clone()).or_insert_with(|| {
            let at = normalized.len() as u32;
            normalized.extend_from_slice(replacement.as_bytes());
            normalized.push(0);
            at
        });
        let mut node = 0;
        for &byte in from.to_string().as_bytes() {
            node = match nodes[node].children.get(&byte) {
                Some(&child) => child,
                None => {
                    nodes.push(TrieNode::default());
                    let child = nodes.len() - 1;
                    nodes[node].children.insert(byte, child);
                    child
                }
            };
        }
        nodes[node].value = Some(value);
    }
    let units = double_array(&nodes);
    let mut out = Vec::with_capacity(4 + units.len() * 4 + normalized.len());
    out.extend_from_slice(&((units.len() * 4) as u32).to_le_bytes());
    for unit in units {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out.extend_from_slice(&normalized);
    out
}

/// Lays the trie out as a double array, breadth first, each node at the first free base.
fn double_array(nodes: &[TrieNode]) -> Vec<u32> {
    let mut units: Vec<u32> = vec![0; 256];
    let mut used: Vec<bool> = vec![false; 256];
    let mut bases: HashSet<usize> = HashSet::new();
    used[0] = true;
    let mut first_free = 1;
    let mut queue = VecDeque::from([(0usize, 0usize)]);
    while let Some((node, pos)) = queue.pop_front() {
        let labels: Vec<u8> =
            nodes[node].value.map(|_| 0u8).into_iter().chain(nodes[node].children.keys().copied()).collect();
        if labels.is_empty() {
            continue;
        }
        while used.get(first_free).copied().unwrap_or(false) {
            first_free += 1;
        }
        let base = (first_free..)
            .filter(|&e| !used.get(e).copied().unwrap_or(false))
            .map(|e| e ^ usize::from(labels[0]))
            .find(|&b| {
                !bases.contains(&b) && labels.iter().all(|&l| !used.get(b ^ usize::from(l)).copied().unwrap_or(false))
            })
            .unwrap_or_default();
        let end = (base | 0xFF) + 1;
        if end > units.len() {
            units.resize(end, 0);
            used.resize(end, false);
        }
        bases.insert(base);
        let offset = pos ^ base;
        assert!(offset < MAX_OFFSET, "charsmap trie too large for darts-clone offsets");
        units[pos] |= (offset as u32) << 10;
        if let Some(value) = nodes[node].value {
            units[pos] |= HAS_LEAF;
            units[base] = IS_VALUE | value;
            used[base] = true;
        }
        for (&label, &child) in &nodes[node].children {
            let slot = base ^ usize::from(label);
            units[slot] = u32::from(label);
            used[slot] = true;
            queue.push_back((child, slot));
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Looks `key` up the way SentencePiece/`spm_precompiled` do: shortest matching prefix.
    fn lookup(blob: &[u8], key: &str) -> Option<String> {
        let trie_len = u32::from_le_bytes(blob[..4].try_into().unwrap()) as usize;
        let units: Vec<u32> =
            blob[4..4 + trie_len].chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect();
        let normalized = &blob[4 + trie_len..];
        let offset = |u: u32| ((u >> 10) << ((u & (1 << 9)) >> 6)) as usize;
        let mut pos = offset(units[0]);
        for &c in key.as_bytes() {
            pos ^= usize::from(c);
            let unit = units[pos];
            if unit & (IS_VALUE | 0xFF) != u32::from(c) {
                return None;
            }
            pos ^= offset(unit);
            if unit & HAS_LEAF != 0 {
                let at = (units[pos] & !IS_VALUE) as usize;
                let end = at + normalized[at..].iter().position(|&b| b == 0).unwrap();
                return Some(String::from_utf8(normalized[at..end].to_vec()).unwrap());
            }
        }
        None
    }

    fn check(map: &[(char, &str)], key: &str, expected: Option<&str>) {
        let map: Vec<(char, Vec<char>)> = map.iter().map(|(c, s)| (*c, s.chars().collect())).collect();
        let blob = precompiled_charsmap(&map);
        assert_eq!(lookup(&blob, key).as_deref(), expected, "lookup of {key:?}");
    }

    #[test]
    fn charsmap_lookups() {
        let map = [('\t', " "), ('\u{a0}', " "), ('\u{ad}', ""), ('ﬁ', "fi"), ('Ａ', "A"), ('Ｂ', "B"), ('𝐀', "A")];
        check(&map, "\t", Some(" "));
        check(&map, "\u{a0}x", Some(" "));
        check(&map, "\u{ad}", Some(""));
        check(&map, "ﬁ", Some("fi"));
        check(&map, "Ａ", Some("A"));
        check(&map, "Ｂ", Some("B"));
        check(&map, "Ｃ", None);
        check(&map, "𝐀", Some("A"));
        check(&map, "a", None);
        check(&map, "é", None);
    }
}
