//! Series of equal length in one buffer: a projection's indicators by year
//! (and each zonal indicator's zones by year) without an allocation per
//! series — a projection holds about 500 of them, and the app makes one on
//! every lever step.

use std::ops::{Index, Range};

/// Rows of `width` values each, stored one after another. `rows[i]` is row
/// `i` as a slice (panics when `i >= rows.len()`, as a `Vec` would);
/// [`Rows::get`] does not panic.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    width: usize,
    len: usize,
    values: Vec<f64>,
}

impl Rows {
    /// No rows yet; each row will hold `width` values.
    pub fn with_width(width: usize, capacity_rows: usize) -> Rows {
        Rows {
            width,
            len: 0,
            values: Vec::with_capacity(width * capacity_rows),
        }
    }

    /// Appends a row: the first `width` values of `row`, padded with zeros
    /// when it has fewer (rows never differ in length).
    pub fn push(&mut self, row: impl IntoIterator<Item = f64>) {
        let start = self.values.len();
        self.values.extend(row.into_iter().take(self.width));
        self.values.resize(start + self.width, 0.0);
        self.len += 1;
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Values per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Row `i`, or `None` past the last.
    pub fn get(&self, i: usize) -> Option<&[f64]> {
        (i < self.len).then(|| &self.values[self.span(i)])
    }

    /// The rows in order.
    pub fn iter(&self) -> RowIter<'_> {
        RowIter { rows: self, next: 0 }
    }

    fn span(&self, i: usize) -> Range<usize> {
        i * self.width..(i + 1) * self.width
    }
}

impl Index<usize> for Rows {
    type Output = [f64];
    fn index(&self, i: usize) -> &[f64] {
        assert!(i < self.len, "row {i} of {}", self.len);
        &self.values[self.span(i)]
    }
}

/// Equal when every value is equal, two undefined values (NaN) included: the
/// same projection twice is equal even where a ratio is undefined.
impl PartialEq for Rows {
    fn eq(&self, o: &Self) -> bool {
        self.len == o.len
            && self.width == o.width
            && self
                .values
                .iter()
                .zip(&o.values)
                .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
    }
}

/// Iterator over [`Rows`], row by row.
pub struct RowIter<'a> {
    rows: &'a Rows,
    next: usize,
}

impl<'a> Iterator for RowIter<'a> {
    type Item = &'a [f64];
    fn next(&mut self) -> Option<&'a [f64]> {
        let row = self.rows.get(self.next)?;
        self.next += 1;
        Some(row)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.rows.len - self.next.min(self.rows.len);
        (left, Some(left))
    }
}

impl ExactSizeIterator for RowIter<'_> {}

impl<'a> IntoIterator for &'a Rows {
    type Item = &'a [f64];
    type IntoIter = RowIter<'a>;
    fn into_iter(self) -> RowIter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_hold_their_values_in_order() {
        let mut r = Rows::with_width(3, 2);
        r.push([1.0, 2.0, 3.0]);
        r.push([4.0, 5.0]); // short: padded
        r.push([6.0, 7.0, 8.0, 9.0]); // long: cut
        assert_eq!(r.len(), 3);
        assert_eq!(&r[0], &[1.0, 2.0, 3.0]);
        assert_eq!(&r[1], &[4.0, 5.0, 0.0]);
        assert_eq!(r.get(2), Some(&[6.0, 7.0, 8.0][..]));
        assert_eq!(r.get(3), None);
        let all: Vec<&[f64]> = r.iter().collect();
        assert_eq!(all.len(), 3);
        assert_eq!(r.iter().len(), 3);
        assert_eq!(r.iter().flatten().count(), 9);
    }

    #[test]
    fn zero_width_rows_count_and_iterate() {
        let mut r = Rows::with_width(0, 0);
        r.push(std::iter::empty());
        r.push([1.0]);
        assert_eq!(r.len(), 2);
        assert!(r[1].is_empty());
        assert_eq!(r.iter().count(), 2);
    }

    #[test]
    fn undefined_values_compare_equal() {
        let mut a = Rows::with_width(2, 1);
        a.push([f64::NAN, 1.0]);
        let b = a.clone();
        assert_eq!(a, b);
        let mut c = Rows::with_width(2, 1);
        c.push([f64::NAN, 2.0]);
        assert_ne!(a, c);
        assert_ne!(a, Rows::with_width(2, 0));
    }
}
