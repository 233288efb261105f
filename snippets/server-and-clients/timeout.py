import asyncio
import time


async def handle(reader, writer):
    seconds = float(await reader.readline())
    await asyncio.sleep(seconds)
    if reader.at_eof():  # the client hung up while the server was waiting  # new
        print(f"  server: the client of the {seconds} request is gone; no reply")  # new
    else:  # new
        writer.write(f"waited {seconds}\n".encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(port, seconds):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:  # new
        writer.write(f"{seconds}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"  reply: {reply.decode().strip()}")
    finally:  # also when the timeout cancels the wait for the reply  # new
        writer.close()
        await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        for seconds in (0.1, 0.5):
            print(f"asking for {seconds}, giving up after 0.4 seconds")
            started = time.perf_counter()
            try:
                async with asyncio.timeout(0.4):  # new
                    await ask(port, seconds)
            except TimeoutError:
                elapsed = time.perf_counter() - started
                print(f"  gave up after {elapsed:.2f} s")
        print("asking for 0.4, no time limit")
        await ask(port, 0.4)


if __name__ == "__main__":
    asyncio.run(main())
