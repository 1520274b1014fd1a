""""Where does it look?": gradient saliency, Grad-CAM and occlusion in the lab (panel, view, worker, replay)."""
