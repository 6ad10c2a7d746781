"""Where one oktakit ``get_user`` spends its CPU: cProfile over calls at one in flight, against
the realistic record server, summed by layer and listed by function (run as its own process
by ``bench.py``; prints the table).

cProfile slows small functions more than big ones, so the shares are a guide to where the time
goes, not a measurement of it: the side-by-side CPU columns are that.
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import sys
import time
from pathlib import Path

#: Layers by the file a function lives in (first match wins); builtins go by their name.
LAYERS = (
    ("oktakit: pipeline (_http)", "/oktakit/_http/"),
    ("oktakit: client, auth", "/oktakit/"),
    ("generated: builders, models", "/oktakit_api/"),
    ("aiohttp, yarl, multidict", "/aiohttp/"),
    ("aiohttp, yarl, multidict", "/yarl/"),
    ("aiohttp, yarl, multidict", "/multidict/"),
    ("json", "/json/"),
    ("asyncio and sockets", "/asyncio/"),
    ("asyncio and sockets", "/selectors.py"),
)


def _layer(filename: str, name: str) -> str:
    for layer, marker in LAYERS:
        if marker in filename:
            return layer
    if filename == "~" and any(word in name for word in ("socket", "epoll", "select")):
        return "asyncio and sockets"
    return "other (builtins, the benchmark)"


async def _profiled(url: str, calls: int) -> cProfile.Profile:
    from oktakit import ApiToken, OktaClient

    async with OktaClient(url, auth=ApiToken("bench-token")) as okta:
        for _ in range(200):  # connections, caches and lazy imports
            await okta.get_user("00usfhrjbkppPBkoY4x6")
        profile = cProfile.Profile(time.process_time)  # CPU, not time spent waiting
        profile.enable()
        for _ in range(calls):
            await okta.get_user("00usfhrjbkppPBkoY4x6")
        profile.disable()
    return profile


def print_profile(url: str, calls: int = 2000, top: int = 12) -> None:
    stats = pstats.Stats(asyncio.run(_profiled(url, calls)))
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in entries.values())  # own time of every function
    layers: dict[str, float] = {}
    rows = []
    for (filename, line, name), (_, calls_made, own, _cumulative, _) in entries.items():
        layer = _layer(filename, name)
        layers[layer] = layers.get(layer, 0.0) + own
        rows.append((own, calls_made, f"{Path(filename).name}:{line}({name})" if filename != "~" else name))
    print(
        f"\nwhere oktakit's get_user spends its CPU (cProfile on CPU time, {calls} calls at c=1, own time)\n"
    )
    print(f"{'layer':<36}{'us/call':>9}{'share':>8}")
    for layer, own in sorted(layers.items(), key=lambda item: -item[1]):
        print(f"{layer:<36}{own / calls * 1e6:>9.1f}{own / total:>8.0%}")
    print(f"\n{'function':<64}{'calls/call':>11}{'us/call':>9}")
    for own, calls_made, label in sorted(rows, reverse=True)[:top]:
        print(f"{label[:63]:<64}{calls_made / calls:>11.1f}{own / calls * 1e6:>9.1f}")


if __name__ == "__main__":
    print_profile(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
