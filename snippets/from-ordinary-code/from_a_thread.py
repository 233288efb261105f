import asyncio
import threading


async def find_divisibles(inrange, div_by):
    await asyncio.sleep(0.1)  # stands for a real wait
    return [i for i in range(inrange) if i % div_by == 0]


def main():
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever)  # the loop runs in its own thread
    thread.start()
    try:
        # Ordinary code in the main thread hands coroutines to that loop:
        future = asyncio.run_coroutine_threadsafe(find_divisibles(500, 3), loop)
        print(f"handed over, got a {type(future).__module__}.{type(future).__name__}")
        print(f"result: {len(future.result(timeout=5))} numbers")  # blocks this thread only
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


if __name__ == "__main__":
    main()
