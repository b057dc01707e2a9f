"""Knowledge shipped with the package (gazetteer, officials), built by scripts in the repo."""
