//! Kazakhstan's stay and work rules: the sourced catalogue (`catalogue`, data in
//! `data/rules.toml`), the day arithmetic (`days`), the assessment that turns a profile
//! into a plan (`assess`, `plan`), the plan's messages (`view`), what a catalogue
//! change changes for one person (`changes`) and between two catalogues (`diff`). All is
//! pure: no I/O except `Catalogue::load`, no clock (the caller passes today's date in
//! Asia/Almaty), no user-visible text (only message ids with arguments).

pub mod assess;
pub mod catalogue;
pub mod changes;
pub mod days;
pub mod diff;
pub mod plan;
pub mod trips;
pub mod view;

pub use assess::assess;
pub use catalogue::{Catalogue, CatalogueError, CatalogueSummary, Confidence, Rule};
pub use plan::{Deadline, DeadlineKind, Note, NoteKind, Plan, Status, Step, WindowStatus};
