"""A fake RTSP camera for Vigie's tests and demo: serves an H.264 MP4 file without re-encoding.

Usage: /usr/bin/python3 fake-rtsp-camera.py <clip.mp4> <port|0>
Prints "READY <port>" once clients may connect at rtsp://127.0.0.1:<port>/live.
Needs Debian's gstreamer1.0-rtsp, gir1.2-gst-rtsp-server-1.0, python3-gi and gstreamer1.0-plugins-{base,good,bad}.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main() -> None:
    clip, port = sys.argv[1], sys.argv[2]
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    # Stream copy: demux and packetise, never decode (a real camera sends its encoder's output).
    factory.set_launch(
        f'( filesrc location="{clip}" ! qtdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )'
    )
    factory.set_shared(True)
    server.get_mount_points().add_factory("/live", factory)
    server.attach(None)
    print(f"READY {server.get_bound_port()}", flush=True)
    GLib.MainLoop().run()


main()
