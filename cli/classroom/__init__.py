"""Issue 14's commands, for the classroom: lessons (`lesson`, `snapshot --lesson`, `export handout`) and
animations for slides (`export animation`)."""
