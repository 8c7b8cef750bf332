//! The log filter every command uses. Our own events carry user ids, kinds and
//! timings only; what must be kept out is what libraries print. sled logs through the
//! `log` crate (bridged into tracing), and at trace level it prints every key and
//! value it writes or deletes — user records, deadline dates — as byte lists. So sled
//! is held at `warn` whatever `log.level` or `RUST_LOG` asks for.

use tracing_subscriber::filter::{Directive, EnvFilter};

/// Targets whose debug and trace events carry stored data, and the most they may say.
const CAPPED: &[&str] = &["sled=warn"];

/// `RUST_LOG` if set and valid, else `level` (the `log.level` setting, e.g. `info` or
/// `info,jolserik=debug`), with the libraries in `CAPPED` held down.
pub fn filter(level: &str) -> EnvFilter {
    let base = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    cap(base)
}

/// `level` alone, ignoring `RUST_LOG`, with the same caps (for tests).
pub fn filter_for(level: &str) -> EnvFilter {
    cap(EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info")))
}

fn cap(mut filter: EnvFilter) -> EnvFilter {
    for directive in CAPPED {
        // The directives are constants; one that did not parse would only be skipped.
        if let Ok(d) = directive.parse::<Directive>() {
            filter = filter.add_directive(d);
        }
    }
    filter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sled_is_held_at_warn_even_when_everything_is_asked_for() {
        for level in ["trace", "sled=trace", "info,sled=debug"] {
            let shown = filter_for(level).to_string();
            assert!(shown.contains("sled=warn"), "{level}: {shown}");
            assert!(
                !shown.contains("sled=trace") && !shown.contains("sled=debug"),
                "{level}: {shown}"
            );
        }
    }
}
