import asyncio
import time


async def main():
    print("before the blocking call")
    time.sleep(0.15)  # blocks the whole event loop: no other task can run meanwhile
    print("after the blocking call")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
