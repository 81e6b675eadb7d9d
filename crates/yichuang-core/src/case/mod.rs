//! A case's life (办件): its states and the only transitions between them, as in DOMAIN.md
//! ("A case's life"). This module answers "may this happen now, and what state follows";
//! the case aggregate, its effects and deadlines build on it.

mod state;

pub use state::{Action, CaseState, IllegalTransition};
