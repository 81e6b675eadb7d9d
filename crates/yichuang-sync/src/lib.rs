//! Client sync engine: pushes the outbox in order and pulls by cursor. Nothing yet: the
//! foundation only reserves the crate so the layout and dependency graph are in place.
