"""Session files: everything needed to see exactly what the author saw, as data only (JSON + safetensors in a zip)."""
