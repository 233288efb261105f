import asyncio


async def worker(stop):
    for job in range(1, 7):
        print(f"job {job} started")
        await asyncio.sleep(0.1)  # one job; stands for a real wait
        print(f"job {job} done")
    print("worker: stopping")


def on_sigterm(stop):
    print("SIGTERM arrives")
    stop.set()


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # On your machine: loop.add_signal_handler(signal.SIGTERM, on_sigterm, stop)
    # The browser has no signals: a timer stands in for `kill <pid>` after 0.25 s.
    loop.call_later(0.25, on_sigterm, stop)
    await worker(stop)
    print("main: done, exit status 0")


asyncio.run(main())
