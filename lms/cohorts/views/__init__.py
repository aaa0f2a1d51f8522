"""Front-end pages for facilitators' and coordinators' daily work (thin: they call services)."""
