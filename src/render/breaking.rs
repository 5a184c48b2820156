//! Optimal-fit line breaking: textwrap's `wrap_optimal_fit` with its default `Penalties`,
//! specialised to a paragraph set at one width. The costs are computed in the same order
//! and precision, so the breaks are the same; what goes is per-call overhead that showed
//! in profiles (a line-number table behind a `RefCell`, consulted on every cost
//! evaluation, which only matters when lines have different widths) and the whole search
//! for a paragraph that fits on one line (table cells, labels, short notes).

/// What the breaker needs of a fragment, in points.
pub trait Measured {
    fn width(&self) -> f32;
    /// The space after it (0 when the next fragment continues the word).
    fn space(&self) -> f32;
    /// The hyphen shown when a line ends after it (0: none).
    fn hyphen(&self) -> f32;
}

// textwrap's `Penalties::new()`.
const NLINE_PENALTY: f64 = 1000.0;
const OVERFLOW_PENALTY: f64 = 2500.0;
const SHORT_LAST_LINE_FRACTION: f64 = 4.0;
const SHORT_LAST_LINE_PENALTY: f64 = 25.0;
const HYPHEN_PENALTY: f64 = 25.0;

/// The end (exclusive) of each line's fragments, in order; `None` when the costs overflow
/// (absurdly long paragraphs), where the caller falls back to greedy breaking.
pub fn optimal_fit<F: Measured>(frags: &[F], width: f32) -> Option<Vec<usize>> {
    let n = frags.len();
    if n == 0 {
        return Some(Vec::new());
    }
    let target = (width as f64).max(1.0);
    let mut widths = Vec::with_capacity(n + 1);
    let mut sum = 0.0f64;
    widths.push(sum);
    for f in frags {
        sum += f.width() as f64 + f.space() as f64;
        widths.push(sum);
    }
    let line_width = |i: usize, j: usize| {
        widths[j] - widths[i] - frags[j - 1].space() as f64 + frags[j - 1].hyphen() as f64
    };
    // One line that fits costs one line penalty (and at most the short-last-line
    // penalty); any two lines cost at least two line penalties.
    if line_width(0, n) <= target {
        return Some(vec![n]);
    }
    let minima = smawk::online_column_minima(0.0, n + 1, |minima, i, j| {
        let w = line_width(i, j);
        let mut cost = minima[i].1 + NLINE_PENALTY;
        if w > target {
            cost += (w - target) * OVERFLOW_PENALTY;
        } else if j < n {
            let gap = target - w;
            cost += gap * gap;
        } else if i + 1 == j && w < target / SHORT_LAST_LINE_FRACTION {
            cost += SHORT_LAST_LINE_PENALTY;
        }
        if frags[j - 1].hyphen() as f64 > 0.0 {
            cost += HYPHEN_PENALTY;
        }
        cost
    });
    if minima.iter().any(|(_, cost)| cost.is_infinite()) {
        return None;
    }
    let mut ends = Vec::new();
    let mut pos = n;
    while pos > 0 {
        ends.push(pos);
        pos = minima[pos].0;
    }
    ends.reverse();
    Some(ends)
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::core::Fragment;
    use textwrap::wrap_algorithms::{wrap_optimal_fit, Penalties};

    #[derive(Debug)]
    struct F(f32, f32, f32);

    impl Measured for F {
        fn width(&self) -> f32 {
            self.0
        }
        fn space(&self) -> f32 {
            self.1
        }
        fn hyphen(&self) -> f32 {
            self.2
        }
    }

    impl Fragment for F {
        fn width(&self) -> f64 {
            self.0 as f64
        }
        fn whitespace_width(&self) -> f64 {
            self.1 as f64
        }
        fn penalty_width(&self) -> f64 {
            self.2 as f64
        }
    }

    #[test]
    fn breaks_as_textwrap_does() {
        // Deterministic pseudo-random words, some hyphenation points, several widths.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..300 {
            let n = 1 + (next() % 80) as usize;
            let frags: Vec<F> = (0..n)
                .map(|_| {
                    let w = 5.0 + (next() % 600) as f32 / 10.0;
                    let joined = next() % 5 == 0;
                    let (space, hyphen) = if joined { (0.0, 3.3) } else { (2.6, 0.0) };
                    F(w, space, hyphen)
                })
                .collect();
            let width = [60.0f32, 150.0, 331.5, 476.0][round % 4];
            let ours = optimal_fit(&frags, width).expect("no overflow");
            let theirs = wrap_optimal_fit(&frags, &[width as f64], &Penalties::new()).unwrap();
            let mut end = 0;
            let theirs: Vec<usize> = theirs
                .iter()
                .map(|l| {
                    end += l.len();
                    end
                })
                .collect();
            assert_eq!(ours, theirs, "round {round}");
        }
    }
}
