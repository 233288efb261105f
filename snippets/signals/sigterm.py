import asyncio
import os
import signal


async def worker(stop):
    while not stop.is_set():
        await asyncio.sleep(0.02)  # one job; stands for a real wait
    print("worker: SIGTERM seen between two jobs; stopping cleanly")


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)  # Unix only
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)  # as `kill <pid>` would
    await worker(stop)
    print("main: done, exit status 0")


if __name__ == "__main__":
    asyncio.run(main())
