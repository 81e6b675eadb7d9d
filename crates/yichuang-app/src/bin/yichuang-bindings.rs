//! Writes the TypeScript IPC bindings generated from the Rust contract.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("frontend/src/lib/ipc/bindings.ts"));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, yichuang_app::ipc::render_bindings())?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
