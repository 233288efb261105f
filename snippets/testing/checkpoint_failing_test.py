import asyncio
import unittest


class OrderTest(unittest.IsolatedAsyncioTestCase):
    async def test_lines_follow_the_arguments(self):
        order = []

        async def note(label, seconds):
            await asyncio.sleep(seconds)
            order.append(label)

        await asyncio.gather(note("slow", 0.02), note("fast", 0.01))
        self.assertEqual(order, ["slow", "fast"])


if __name__ == "__main__":
    unittest.main()
