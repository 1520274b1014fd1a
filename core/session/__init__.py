"""Session files: everything needed to see exactly what the author saw, as data only (JSON + safetensors in a zip).

parts.py        what a session holds: Session (app settings, tab states, parts) and Part (meta + arrays)
files.py        write_session (atomic) and read_session (hostile-proof: one SessionError sentence naming the file)
strict_json.py  JSON with finite numbers only, bounded depth, no duplicate keys
tensors.py      a part's arrays as safetensors bytes, the header checked before the bytes are trusted
training.py     the MLP part with the landscape's recorded path (Trainer.snapshot / from_snapshot live in core.mlp)
"""
