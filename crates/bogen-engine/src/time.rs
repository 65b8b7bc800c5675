//! Times as the caller gives them (RFC 3339, e.g. `2026-01-02T03:04:05.000Z`), read only to
//! compare them: which of two answers was changed later. The engine has no clock; it never
//! makes a time, and a time it cannot read counts as unknown rather than as an error, because a
//! draft must open even when a clock or a hand edit wrote something odd.

use std::cmp::Ordering;

/// A point in time: seconds since 1970-01-01T00:00:00Z and nanoseconds within the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Instant {
    seconds: i64,
    nanos: u32,
}

/// Compares two RFC 3339 times; `None` when either cannot be read.
pub fn compare(a: &str, b: &str) -> Option<Ordering> {
    Some(parse(a)?.cmp(&parse(b)?))
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (RFC 3339 section 5.6; `t`, `z` and a
/// space instead of `T` are accepted as the RFC allows).
fn parse(text: &str) -> Option<Instant> {
    let b = text.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 {
        return None;
    }
    // 60 is a leap second; it sorts after :59 of the same minute, which is what it is.
    if second > 60 {
        return None;
    }
    let mut at = 19;
    let mut nanos = 0u32;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        for _ in (at - start).min(9)..9 {
            nanos *= 10;
        }
    }
    let offset_minutes = match b.get(at) {
        Some(b'Z' | b'z') if at + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if at + 6 == b.len() && b.get(at + 3) == Some(&b':') => {
            let (h, m) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' {
                h * 60 + m
            } else {
                -(h * 60 + m)
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(Instant { seconds, nanos })
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_compare_by_the_instant_they_name_not_by_their_text() {
        assert_eq!(compare("2026-01-02T03:04:05Z", "2026-01-02T03:04:05.000Z"), Some(Ordering::Equal));
        assert_eq!(compare("2026-01-02T03:04:05.5Z", "2026-01-02T03:04:05Z"), Some(Ordering::Greater));
        assert_eq!(compare("2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:05.12345678Z"), Some(Ordering::Greater));
        assert_eq!(compare("2026-01-02T04:00:00+01:00", "2026-01-02T03:00:00Z"), Some(Ordering::Equal));
        assert_eq!(compare("2026-01-01T23:30:00-01:00", "2026-01-02T00:10:00Z"), Some(Ordering::Greater));
        assert_eq!(compare("2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z"), Some(Ordering::Less));
        assert_eq!(compare("2024-02-29t10:00:00z", "2024-03-01 10:00:00Z"), Some(Ordering::Less));
        assert_eq!(compare("1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z"), Some(Ordering::Less));
    }

    #[test]
    fn a_time_that_is_not_rfc_3339_is_unknown() {
        for bad in [
            "",
            "gestern",
            "2026-01-02",
            "2026-01-02T03:04:05",
            "2026-01-02T03:04:05.Z",
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-02T24:00:00Z",
            "2026-01-02T03:04:05+0100",
            "2026-01-02T03:04:05Zjunk",
            "２026-01-02T03:04:05Z",
        ] {
            assert_eq!(compare(bad, "2026-01-02T03:04:05Z"), None, "{bad}");
        }
    }
}
