import asyncio


async def slow():
    print("slow started")
    try:
        await asyncio.sleep(0.2)
        print("slow finished")
    finally:
        print("slow cleans up")


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError:
        print("main: the wait timed out")


if __name__ == "__main__":
    asyncio.run(main())
