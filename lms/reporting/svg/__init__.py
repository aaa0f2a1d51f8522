"""Server-rendered SVG pictures: the regions map and simple charts. No JavaScript, no CDN."""
