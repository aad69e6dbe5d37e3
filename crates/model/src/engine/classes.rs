//! Classes school by school, and the large-class counts over real classes.
//!
//! Rule (docs/MODEL.md §Classes): each grade with pupils gets at least one
//! class; a school opens the classes needed at the standard size when it has
//! the rooms; when rooms are short, each further room goes to the grade whose
//! classes are currently largest. The same greedy rule, with the number of
//! classes its teachers can run as the budget, applies when teachers are the
//! shorter resource. Greedy "one more class to the largest" extends itself as
//! the budget grows, so more rooms or more teachers never make a class larger.
//! Pupils are split as evenly as whole pupils allow, so 100 pupils in 2
//! classes are 50 + 50, and 113 in 2 are 57 + 56.

/// Whole pupils for class counting (rounded half up; `as` saturates).
pub fn whole(p: f64) -> u32 {
    if p.is_finite() && p > 0.0 {
        (p + 0.5) as u32
    } else {
        0
    }
}

/// ⌈n / size⌉ classes, in integers when the size is whole (it always is in
/// practice; `f64::ceil` is a library call on baseline x86-64).
pub fn classes_for(n: u32, size: f64) -> u32 {
    if n == 0 {
        return 0;
    }
    let s = size.max(1.0);
    if s.fract() == 0.0 && s < u32::MAX as f64 {
        n.div_ceil(s as u32)
    } else {
        (n as f64 / s).ceil() as u32
    }
}

/// Classes per grade for one school, given pupils, standard sizes and rooms,
/// written into `c` (same length as `pupils`).
pub fn allocate(pupils: &[u32], standard: &[f64], rooms: u32, c: &mut [u32]) {
    let needed = |g: usize| -> u32 { classes_for(pupils[g], standard[g]) };
    let total: u64 = (0..pupils.len()).map(|g| needed(g) as u64).sum();
    if total <= rooms as u64 {
        for (g, x) in c.iter_mut().enumerate() {
            *x = needed(g);
        }
        return;
    }
    for (x, &n) in c.iter_mut().zip(pupils) {
        *x = u32::from(n > 0);
    }
    let used: u32 = c.iter().sum();
    let mut spare = rooms.saturating_sub(used);
    while spare > 0 {
        // the grade with the largest current class among those below their need
        let best = (0..c.len())
            .filter(|&g| c[g] < needed(g))
            .max_by(|&a, &b| (pupils[a] as f64 / c[a] as f64).total_cmp(&(pupils[b] as f64 / c[b] as f64)));
        match best {
            Some(g) => {
                c[g] += 1;
                spare -= 1;
            }
            None => break,
        }
    }
}

#[cfg(test)]
fn allocated(pupils: &[u32], standard: &[f64], rooms: u32) -> Vec<u32> {
    let mut c = vec![0; pupils.len()];
    allocate(pupils, standard, rooms, &mut c);
    c
}

/// Classes of 56–65 and of 66+ among `classes` classes sharing `pupils` evenly.
pub fn large_counts(pupils: u32, classes: u32, large: u32, super_large: u32) -> (u32, u32) {
    if classes == 0 {
        return (0, 0);
    }
    let q = pupils / classes;
    let bigger = pupils % classes; // classes with q + 1 pupils
    let count = |size: u32, n: u32| -> (u32, u32) {
        if size >= super_large {
            (0, n)
        } else if size >= large {
            (n, 0)
        } else {
            (0, 0)
        }
    };
    let a = count(q + 1, bigger);
    let b = count(q, classes - bigger);
    (a.0 + b.0, a.1 + b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enough_rooms_gives_standard_classes() {
        assert_eq!(allocated(&[90, 91, 0], &[45.0, 45.0, 45.0], 10), vec![2, 3, 0]);
    }

    #[test]
    fn short_rooms_go_to_the_largest_classes() {
        // needs 3 + 3 = 6 classes, has 4 rooms: each grade 1, then 2 more to the largest
        assert_eq!(allocated(&[130, 100], &[45.0, 45.0], 4), vec![2, 2]);
        assert_eq!(allocated(&[130, 60], &[45.0, 45.0], 4), vec![3, 1]);
        // fewer rooms than grades with pupils: one class per grade all the same
        assert_eq!(allocated(&[10, 10, 10], &[45.0, 45.0, 45.0], 2), vec![1, 1, 1]);
    }

    #[test]
    fn a_larger_budget_extends_the_smaller_one() {
        // the property that makes more rooms or teachers never enlarge a class
        let pupils = [130, 61, 240, 12, 0, 95];
        let std = [45.0; 6];
        let mut prev = allocated(&pupils, &std, 0);
        for rooms in 1..30 {
            let next = allocated(&pupils, &std, rooms);
            assert!(
                next.iter().zip(&prev).all(|(a, b)| a >= b),
                "{rooms}: {prev:?} → {next:?}"
            );
            assert!(next.iter().sum::<u32>() - prev.iter().sum::<u32>() <= 1);
            prev = next;
        }
    }

    #[test]
    fn class_counts_round_up() {
        assert_eq!(classes_for(0, 45.0), 0);
        assert_eq!(classes_for(45, 45.0), 1);
        assert_eq!(classes_for(46, 45.0), 2);
        assert_eq!(classes_for(10, 2.5), 4);
        assert_eq!(whole(44.5), 45);
        assert_eq!(whole(-3.0), 0);
        assert_eq!(whole(f64::NAN), 0);
    }

    #[test]
    fn even_split_counts_large_classes() {
        assert_eq!(large_counts(113, 2, 56, 66), (2, 0));
        assert_eq!(large_counts(111, 2, 56, 66), (1, 0));
        assert_eq!(large_counts(132, 2, 56, 66), (0, 2));
        assert_eq!(large_counts(131, 2, 56, 66), (1, 1));
        assert_eq!(large_counts(0, 0, 56, 66), (0, 0));
    }
}
