import asyncio
import time

# How long the server takes for each request, in seconds: the client asks for it.
REQUESTS = [0.25, 0.2, 0.15, 0.1, 0.05]


async def handle(reader, writer):
    """Serve one connection: read how long to wait, wait, reply, hang up."""
    seconds = float(await reader.readline())
    await asyncio.sleep(seconds)  # a slow database or disk would wait here
    writer.write(f"waited {seconds}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(port, seconds):
    """One client: connect, send the request, read the reply, hang up."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{seconds}\n".encode())
    await writer.drain()
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    print(f"  reply: {reply.decode().strip()}")


async def main():
    # Port 0: the system picks a free port; the socket says which one.
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:  # at the end of the block the server stops listening and closes
        print("one after another:")
        started = time.perf_counter()
        for seconds in REQUESTS:
            await ask(port, seconds)
        one_after_another = time.perf_counter() - started

        print("concurrently:")
        started = time.perf_counter()
        await asyncio.gather(*(ask(port, seconds) for seconds in REQUESTS))
        concurrently = time.perf_counter() - started

    print(f"one after another: {one_after_another:.2f} s")
    print(f"concurrently: {concurrently:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
