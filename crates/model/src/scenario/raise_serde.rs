//! The file form of a raise, written: a `[year, amount]` pair when nothing else is said (so a
//! file from before sources existed writes byte for byte as before), else an object
//! `{"year", "amount", "from"?, "note"?}`. Reading either form is in `read.rs`.

use super::Raise;
use serde::ser::{SerializeMap, SerializeTuple, Serializer};
use serde::Serialize;

impl Serialize for Raise {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.from.is_none() && self.note.is_none() {
            let mut t = s.serialize_tuple(2)?;
            t.serialize_element(&self.year)?;
            t.serialize_element(&self.amount)?;
            return t.end();
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("year", &self.year)?;
        m.serialize_entry("amount", &self.amount)?;
        if let Some(from) = &self.from {
            m.serialize_entry("from", from)?;
        }
        if let Some(note) = &self.note {
            m.serialize_entry("note", note)?;
        }
        m.end()
    }
}
