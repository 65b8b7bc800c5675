//! How often each component rendered, counted in debug builds only: the browser tests use it to
//! check that typing redraws the questions the engine's `ChangeSet` names and never the page
//! around them. In release builds [`count`] does nothing and [`renders`] is always 0, so the
//! respondents' bundle carries none of it.

#[cfg(debug_assertions)]
thread_local! {
    static COUNTS: std::cell::RefCell<Vec<(&'static str, u64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Counts one render of `component` (debug builds only).
#[inline]
pub fn count(component: &'static str) {
    #[cfg(debug_assertions)]
    COUNTS.with(|counts| {
        let mut counts = counts.borrow_mut();
        match counts.iter_mut().find(|(name, _)| *name == component) {
            Some((_, n)) => *n += 1,
            None => counts.push((component, 1)),
        }
    });
    #[cfg(not(debug_assertions))]
    let _ = component;
}

/// How often `component` rendered so far in this thread (0 in release builds).
pub fn renders(component: &str) -> u64 {
    #[cfg(debug_assertions)]
    return COUNTS.with(|counts| counts.borrow().iter().find(|(name, _)| *name == component).map_or(0, |(_, n)| *n));
    #[cfg(not(debug_assertions))]
    {
        let _ = component;
        0
    }
}
