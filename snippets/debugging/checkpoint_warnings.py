import asyncio
import time


async def main():
    time.sleep(0.15)  # blocks the event loop
    print("main is finished")


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())  # and the loop is never closed
