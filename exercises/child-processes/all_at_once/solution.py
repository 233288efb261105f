import asyncio
import time

CHILDREN = [("slow", 0.3), ("medium", 0.2), ("quick", 0.1)]


async def run_child(name, seconds):
    """Stands in for a child process, which the browser cannot start: the child runs for
    `seconds`, and this program only waits to hear that it has exited."""
    started = time.perf_counter()
    print(f"{name} child started")
    await asyncio.sleep(seconds)
    print(f"{name} child exited after {time.perf_counter() - started:.2f} s")


async def main():
    started = time.perf_counter()
    await asyncio.gather(*(run_child(name, seconds) for name, seconds in CHILDREN))
    print(f"all three done after {time.perf_counter() - started:.2f} s")


asyncio.run(main())
