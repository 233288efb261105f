import asyncio
import contextlib


async def readings(sensor):
    """An async generator: a value from the sensor every 0.05 s, up to five."""
    sent = 0
    try:
        for n in range(1, 6):
            await asyncio.sleep(0.05)  # waiting for the next value
            sent += 1
            yield n * 10
    finally:
        print(f"{sensor} closed after {sent} readings")


async def main():
    async with contextlib.aclosing(readings("the thermometer")) as values:
        async for value in values:
            print(f"main got {value}")
            if value == 20:
                break
    print("main is done with the thermometer")
    await asyncio.sleep(0.05)  # main goes on with other work
    print("main goes on")


asyncio.run(main())
