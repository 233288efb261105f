import asyncio
import time


async def load_settings():
    await asyncio.sleep(0.05)
    return {"retries": 3}


async def main(settings):
    print(f"main: settings {settings}")
    time.sleep(0.15)  # mistake 1: a blocking call holds up the event loop
    print("main is finished")


if __name__ == "__main__":
    # Start-up code that runs one coroutine on an event loop of its own...
    loop = asyncio.new_event_loop()
    settings = loop.run_until_complete(load_settings())
    # ...mistake 2: and never calls loop.close()
    asyncio.run(main(settings))
