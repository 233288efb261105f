import asyncio
import time

# How long the server takes for each request, in seconds.
REQUESTS = [0.25, 0.2, 0.15, 0.1, 0.05]


async def handle(seconds):
    """The server's side of one connection. A stand-in: no network in the browser."""
    await asyncio.sleep(seconds)  # a slow database would wait here
    return f"waited {seconds}"


async def ask(seconds):
    """One client: send the request, wait for the reply."""
    print(f"asking for {seconds}")
    reply = await handle(seconds)
    print(f"  reply: {reply}")


async def main():
    started = time.perf_counter()
    await asyncio.gather(*(ask(seconds) for seconds in REQUESTS))
    print(f"took {time.perf_counter() - started:.2f} s")


asyncio.run(main())
