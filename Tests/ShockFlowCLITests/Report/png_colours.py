"""Prints the number of distinct colours and the share of non-white pixels of a PNG file, decoded with
the standard library only (zlib; 8-bit greyscale, RGB or RGBA, not interlaced, as Chromium writes them).
Used by ReportBrowserTests to check that a screenshot is not blank.

    python3 png_colours.py FILE.png   ->   "<distinct colours> <non-white share>"
"""

import struct
import sys
import zlib


def pixels(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    channels = {0: 1, 2: 3, 6: 4}.get(colour_type)
    if depth != 8 or channels is None or interlace:
        raise SystemExit(f"{path}: unsupported PNG layout (depth {depth}, colour type {colour_type})")
    raw, stride = zlib.decompress(idat), width * channels
    previous, rows = bytearray(stride), []
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(row))
        previous = row
    for row in rows:
        for x in range(0, stride, channels):
            yield row[x:x + min(channels, 3)]


def main():
    colours, non_white, total = set(), 0, 0
    for pixel in pixels(sys.argv[1]):
        colours.add(pixel)
        total += 1
        non_white += any(channel < 245 for channel in pixel)
    print(len(colours), non_white / max(total, 1))


if __name__ == "__main__":
    main()
