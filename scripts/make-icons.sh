#!/bin/sh
# Draws the site's icons from wwwroot/icons/icon.svg: the PNGs the web app manifest and iOS ask for, and a
# favicon.ico (16, 32, 48 px) for browsers and tools that only ask for /favicon.ico. The output is committed;
# run this again after changing the SVG. Needs rsvg-convert and ImageMagick (apt-get install librsvg2-bin imagemagick).
set -eu
cd "$(dirname "$0")/../wwwroot"
svg=icons/icon.svg
for size in 16 32 48 180 192 512; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "icons/icon-$size.png"
done
# iOS rounds the corners itself and shows transparent ones black: its icon fills the square.
sed 's/rx="14"/rx="0"/' "$svg" | rsvg-convert --width 180 --height 180 --output icons/apple-touch-icon.png
rm icons/icon-180.png
convert icons/icon-16.png icons/icon-32.png icons/icon-48.png favicon.ico
rm icons/icon-16.png icons/icon-32.png icons/icon-48.png
ls -l favicon.ico icons/
