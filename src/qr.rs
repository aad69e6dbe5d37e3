//! The QR code of a share link for a projected slide.
//!
//! Phones in the room scan the code from a 1366×768 projection, so its
//! density is capped ([`MAX_VERSION`]); within that cap the code carries the
//! link as compactly as it can: the lowest error correction that fits (raised
//! again when the version has room), and the levers as digits (the code's
//! numeric mode, 3⅓ bits a digit; see `eduplan_model::link_digits`) when that
//! makes a smaller code than the readable link. A link that fits in neither
//! is reported, with its length, so the slide can say what to do instead.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// The densest code a phone reads from the back of a room off a 1366×768
/// projection: version 22, 105 modules a side (about 5 pixels a module when
/// the code is 70% of the slide's height). It holds about 1,050 bytes of
/// text at the lowest error correction, or about 2,400 digits.
pub const MAX_VERSION: u8 = 22;

/// Modules a side up to which the readable link is kept even when its digits
/// form would make a smaller code (version 10: coarse enough for any phone).
const COMFORTABLE: i32 = 57;

/// A code ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// SVG path data, one `M x,y h1v1h-1z` square per dark module.
    pub path: String,
    /// Modules a side.
    pub size: i32,
    /// The URL the code opens (the readable link or its digits form).
    pub text: String,
}

/// The slide's code, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareCode {
    Code(Code),
    /// Neither form of the link fits [`MAX_VERSION`]; `chars` is the
    /// readable link's length.
    TooLong {
        chars: usize,
    },
}

/// The code for a link: `url` is the readable link; `digits_form`, when the
/// scenario has one, is the digits link as (text up to and including `z=`,
/// digits). The readable link while its code is coarse ([`COMFORTABLE`]),
/// else the smaller code, the readable link on a tie.
pub fn share_code(url: &str, digits_form: Option<(&str, &str)>) -> ShareCode {
    let readable = encode(&QrSegment::make_segments(url)).map(|q| (q, url.to_string()));
    let digits = digits_form.and_then(|(head, digits)| {
        let segs = [QrSegment::make_bytes(head.as_bytes()), QrSegment::make_numeric(digits)];
        encode(&segs).map(|q| (q, format!("{head}{digits}")))
    });
    let best = match (readable, digits) {
        // a code this coarse scans anywhere: keep the link people can read
        (Some(r), _) if r.0.size() <= COMFORTABLE => Some(r),
        (Some(r), Some(d)) if d.0.size() < r.0.size() => Some(d),
        (Some(r), _) => Some(r),
        (None, d) => d,
    };
    match best {
        Some((qr, text)) => ShareCode::Code(Code {
            path: path(&qr),
            size: qr.size(),
            text,
        }),
        None => ShareCode::TooLong {
            chars: url.chars().count(),
        },
    }
}

/// The smallest code up to [`MAX_VERSION`], at the lowest error correction
/// that fits, raised where the chosen version has room to spare.
fn encode(segs: &[QrSegment]) -> Option<QrCode> {
    QrCode::encode_segments_advanced(
        segs,
        QrCodeEcc::Low,
        Version::MIN,
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .ok()
}

fn path(qr: &QrCode) -> String {
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{x},{y}h1v1h-1z"));
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use eduplan_model::codec::{encode_for, encode_qr_for};
    use eduplan_model::{Dataset, LeverValue, Scenario};

    const BASE: &str = "https://bureau.example.gov.cn/eduplan/";

    /// A scenario with per-year values on every per-year lever, each year a
    /// different value: the "per-year values on most levers", at its
    /// worst (nothing repeats, so nothing shortens).
    fn everything_by_year(ds: &Dataset) -> Scenario {
        let mut s = Scenario {
            name: "方案丙：全面逐年安排".into(),
            ..Default::default()
        };
        for (i, l) in eduplan_model::catalogue::levers()
            .iter()
            .enumerate()
            .filter(|(_, l)| l.per_year)
        {
            let steps = ((l.max - l.min) / l.step).round() as i64;
            let years = (ds.base_year + 1..=2030)
                .map(|y| {
                    let k = (i as i64 * 37 + y as i64 * 11) % (steps.min(200) + 1);
                    (y.to_string(), l.snap(l.min + k as f64 * l.step).unwrap())
                })
                .collect();
            s.set(l.id, LeverValue::ByYear(years)).unwrap();
        }
        s
    }

    #[test]
    fn a_short_link_is_its_own_readable_code() {
        let ds = Dataset::default_dataset().unwrap();
        let url = format!("{BASE}?v=1&d=linxiang-2020&kg.public_seats=800");
        let ShareCode::Code(c) = share_code(&url, None) else {
            panic!("fits")
        };
        assert_eq!(c.text, url);
        assert!(c.size <= 41, "{}", c.size);
        assert!(c.path.starts_with('M'));
        let _ = ds;
    }

    /// Issue 14, kind 3: the big scenario's readable link is far too long for
    /// a scannable code; its digits form fits one within the cap, and opens
    /// the same scenario.
    #[test]
    fn every_lever_by_year_still_fits_a_scannable_code() {
        let ds = Dataset::default_dataset().unwrap();
        let s = everything_by_year(&ds);
        let hash = eduplan_model::summary::content_hash(&ds);
        let url = format!("{BASE}?{}", encode_for(&s, &ds, &hash, None, None));
        assert!(url.len() > 1_100, "{} characters", url.len());
        assert_eq!(
            share_code(&url, None),
            ShareCode::TooLong {
                chars: url.chars().count()
            }
        );
        let (head, digits) = encode_qr_for(&s, &ds, &hash, None, None).unwrap();
        let head = format!("{BASE}?{head}");
        let ShareCode::Code(c) = share_code(&url, Some((&head, &digits))) else {
            panic!("the digits form fits")
        };
        // version 16: well inside the cap (the readable link would need far past version 40)
        assert_eq!(c.size, 81, "{} modules", c.size);
        let (a, _) = eduplan_model::codec::decode(&url, &ds);
        let (b, notices) = eduplan_model::codec::decode(&c.text, &ds);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(a.scenario, b.scenario);
    }

    #[test]
    fn a_link_too_long_for_any_code_says_so() {
        let url = format!("{BASE}?v=1&n={}", "%E6%96%B9".repeat(400));
        assert_eq!(
            share_code(&url, None),
            ShareCode::TooLong {
                chars: url.chars().count()
            }
        );
    }
}
