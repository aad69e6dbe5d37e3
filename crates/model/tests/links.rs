//! The share-link codec: golden links, round trips, and a fuzzed decoder.

use eduplan_model::catalogue::{levers, LeverUnit};
use eduplan_model::codec::{decode, encode, encode_qr_for};
use eduplan_model::{Dataset, LeverValue, Scenario};
use proptest::prelude::*;

fn ds() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| Dataset::default_dataset().expect("bundled dataset"))
}

#[derive(serde::Deserialize)]
struct Golden {
    name: String,
    link: String,
    scenario: Scenario,
    notices: Vec<String>,
}

/// Links committed under tests/golden keep decoding to the same scenarios:
/// a later format change must not break a link someone has already sent.
#[test]
fn golden_links_decode_to_their_scenarios() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden/links.json");
    let text = std::fs::read_to_string(path).expect("golden links file");
    let cases: Vec<Golden> = serde_json::from_str(&text).expect("golden links parse");
    assert!(cases.len() >= 10);
    for c in cases {
        let (link, notices) = decode(&c.link, ds());
        assert_eq!(link.scenario, c.scenario, "{}", c.name);
        let kinds: Vec<String> = notices
            .iter()
            .map(|n| serde_json::to_value(n).unwrap()["kind"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(kinds, c.notices, "{}: {notices:?}", c.name);
        c.scenario
            .validate(ds())
            .unwrap_or_else(|e| panic!("{}: expected scenario invalid: {e}", c.name));
    }
}

#[test]
fn typical_links_stay_short() {
    let (link, _) = decode("?v=1&d=linxiang-2020&dv=1&kg.public_seats=800&rooms.primary.town=12&rooms.junior.town=8&rooms.senior=10&hires.primary=2021:120,2022:100,2023:80,2024:80,2025:80&trainees.intake=60&students.dropout_reduction=0.5&funds.step.primary=100&funds.step.junior=100&senior.general_share=0.5&births.variant=0", ds());
    let mut s = link.scenario;
    s.name = "方案B：扩大公办园与城区教室".into();
    let q = encode(&s, ds(), Some("zh"), Some(20250101));
    assert!(q.len() < 600, "{} characters: {q}", q.len());
}

/// Any scenario within the levers' ranges.
fn scenario() -> impl Strategy<Value = Scenario> {
    let n = levers().len();
    let name = proptest::option::of("[a-zA-Z0-9 方案甲乙丙&=%#?+:,;/<>\"'-]{0,40}");
    (
        proptest::collection::vec((0u8..4, 0.0f64..=1.0, proptest::collection::vec(0.0f64..=1.0, 10)), n),
        name,
    )
        .prop_map(|(picks, name)| {
            let mut s = Scenario {
                name: name.unwrap_or_default().trim().to_string(),
                ..Default::default()
            };
            for (spec, (mode, f, per_year)) in levers().iter().zip(picks) {
                let at = |f: f64| {
                    if spec.unit == LeverUnit::Order {
                        return nth_order((f * 119.999) as usize);
                    }
                    let v = spec.min + (f * (spec.max - spec.min) / spec.step).round() * spec.step;
                    let v = v.clamp(spec.min, spec.max);
                    if spec.unit == LeverUnit::Choice {
                        v.round()
                    } else {
                        v
                    }
                };
                let value = match mode {
                    0 | 1 => continue,
                    2 => LeverValue::Constant(at(f)),
                    _ if spec.per_year => LeverValue::ByYear(
                        (2021..=2030)
                            .zip(per_year)
                            .map(|(y, f)| (y.to_string(), at(f)))
                            .collect(),
                    ),
                    _ => LeverValue::Constant(at(f)),
                };
                let base = eduplan_model::scenario::default_value(spec, ds());
                if matches!(value, LeverValue::Constant(v) if v == base) {
                    continue; // the codec drops baseline values by design
                }
                s.set(spec.id, value).unwrap();
            }
            s
        })
}

/// The n-th (0..120) arrangement of the programmes 1–5 as an order code.
fn nth_order(mut n: usize) -> f64 {
    let mut left = vec![1, 2, 3, 4, 5];
    let mut code = 0;
    for k in (1..=5).rev() {
        let f: usize = (1..k).product();
        code = code * 10 + left.remove(n / f);
        n %= f;
    }
    code as f64
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn encode_then_decode_is_the_identity(s in scenario(), lang in proptest::option::of("zh|en"), seed in proptest::option::of(any::<u64>())) {
        s.validate(ds()).unwrap();
        let q = encode(&s, ds(), lang.as_deref(), seed);
        let (link, notices) = decode(&q, ds());
        prop_assert_eq!(notices, vec![]);
        // the seed travels in the link and lands in the scenario
        prop_assert_eq!(&link.scenario, &Scenario { seed, ..s.clone() });
        prop_assert_eq!(link.lang, lang);
        prop_assert_eq!(link.seed, seed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// The QR code's form of a link (levers as digits) opens exactly the
    /// scenario the readable link opens (issue 14, kind 3).
    #[test]
    fn the_qr_form_opens_the_same_scenario(s in scenario(), lang in proptest::option::of("zh|en")) {
        // every way a value enters the app puts it on its lever's grid
        let s = on_grid(s);
        let (readable, _) = decode(&encode(&s, ds(), lang.as_deref(), None), ds());
        let (prefix, digits) = encode_qr_for(&s, ds(), "08b5c00b", lang.as_deref(), None)
            .ok_or_else(|| TestCaseError::fail("every value on its grid has a digits form"))?;
        prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
        let (qr, notices) = decode(&format!("https://x.example/p/?{prefix}{digits}"), ds());
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(&qr.scenario, &readable.scenario);
        prop_assert_eq!(qr.lang, readable.lang);
    }

    /// Digits after a valid header, whatever they are, never panic and never
    /// give an invalid scenario.
    #[test]
    fn the_digits_decoder_never_panics(d in "[0-9]{0,120}") {
        let (link, _) = decode(&format!("?v=2&z={}{d}", eduplan_model::link_digits::header()), ds());
        link.scenario.validate(ds()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
}

/// The scenario with every value on its lever's grid (as the app holds it).
fn on_grid(mut s: Scenario) -> Scenario {
    for map in [&mut s.levers, &mut s.assumptions] {
        for (id, value) in map.iter_mut() {
            let spec = eduplan_model::catalogue::lever_spec(id).unwrap();
            match value {
                LeverValue::Constant(v) => *v = spec.snap(*v).unwrap(),
                LeverValue::ByYear(m) => m.values_mut().for_each(|v| *v = spec.snap(*v).unwrap()),
            }
        }
    }
    s
}

/// Strings that look like links: real keys, odd values, broken escapes.
fn linkish() -> impl Strategy<Value = String> {
    let ids: Vec<&'static str> = levers()
        .iter()
        .map(|l| l.id)
        .chain(["v", "d", "dv", "n", "lang", "seed", "from", ""])
        .collect();
    let key = proptest::sample::select(ids);
    let value = prop_oneof![
        "[0-9.eE+-]{0,12}",
        "[0-9]{4}:[0-9.-]{0,6}(,[0-9]{0,4}:[0-9.]{0,5}){0,4}",
        "%[0-9A-Fa-f]{0,2}[%&=#?]{0,3}",
        "\\PC{0,20}",
    ];
    proptest::collection::vec((key, value), 0..12).prop_map(|kv| {
        kv.into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 50_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_decoder_never_panics_on_arbitrary_strings(s in "\\PC{0,200}") {
        let (link, _) = decode(&s, ds());
        link.scenario.validate(ds()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }

    #[test]
    fn the_decoder_never_panics_on_link_like_strings(s in linkish()) {
        let (link, _) = decode(&format!("https://x.example/?{s}"), ds());
        // whatever it accepts is a valid scenario
        link.scenario.validate(ds()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
}

/// Issue 18: merges round-trip through links with any lever settings beside
/// them; a chain (a school closing into one that closes later) too.
mod merge_links {
    use super::*;
    use eduplan_model::network::Merge;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        #[test]
        fn merges_survive_the_link(s in scenario(), first in 2021i32..=2028, gap in 1i32..=2, share in 0.0f64..=1.0) {
            let mut s = s;
            s.merges = vec![
                Merge { school: "tp-jiangnan-1".into(), into: "tp-jiangnan-2".into(), from: first, share },
                Merge { school: "tp-jiangnan-2".into(), into: "pri-jiangnan-c".into(), from: first + gap, share: 1.0 },
            ];
            prop_assume!(s.validate(ds()).is_ok());
            let (link, notices) = decode(&encode(&s, ds(), None, None), ds());
            prop_assert_eq!(notices, vec![]);
            prop_assert_eq!(link.scenario.merges, s.merges);
        }
    }
}
