import asyncio
import time


async def fetch(name, seconds):
    await asyncio.sleep(seconds)  # stands for waiting on a server
    print(f"got {name}")
    return name


async def main():
    started = time.perf_counter()
    await fetch("page.html", 0.1)
    await fetch("photo.jpg", 0.3)  # the slow server
    await fetch("style.css", 0.1)
    await fetch("logo.png", 0.1)
    print(f"all four files after {time.perf_counter() - started:.1f} s")


asyncio.run(main())
