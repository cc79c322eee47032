//! The file form of a raise: a `[year, amount]` pair or an object
//! `{"year", "amount", "from"?, "note"?}`, mixed freely in one list. Written by hand (serde's
//! untagged enums buffer the whole value and answer "did not match any variant"), so a file
//! from before sources existed reads and writes byte for byte as before, and a half-written
//! object gets a message naming the missing field.

use super::Raise;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

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

impl<'de> Deserialize<'de> for Raise {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raise, D::Error> {
        d.deserialize_any(RaiseVisitor)
    }
}

struct RaiseVisitor;

impl<'de> Visitor<'de> for RaiseVisitor {
    type Value = Raise;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a raise: [year, amount] or {\"year\", \"amount\", \"from\", \"note\"}")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raise, A::Error> {
        let pair = "a raise written as a pair is [year, amount]";
        let year: i32 = a.next_element()?.ok_or_else(|| de::Error::custom(pair))?;
        let amount: f64 = a.next_element()?.ok_or_else(|| de::Error::custom(pair))?;
        if a.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(pair));
        }
        Ok(Raise::new(year, amount))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raise, A::Error> {
        let (mut year, mut amount, mut from, mut note) = (None, None, None, None);
        while let Some(key) = a.next_key::<String>()? {
            match key.as_str() {
                "year" => year = Some(a.next_value::<i32>()?),
                "amount" => amount = Some(a.next_value::<f64>()?),
                "from" => from = Some(a.next_value::<String>()?),
                "note" => note = Some(a.next_value::<String>()?),
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{}` in a raise; a raise has year, amount, from and note",
                        other.chars().take(40).collect::<String>()
                    )))
                }
            }
        }
        let need = |field: &str| {
            de::Error::custom(format!("a raise written as an object needs `{field}`"))
        };
        Ok(Raise {
            year: year.ok_or_else(|| need("year"))?,
            amount: amount.ok_or_else(|| need("amount"))?,
            from,
            note,
        })
    }
}
