import asyncio
import unittest


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    return located


class FindDivisiblesTest(unittest.IsolatedAsyncioTestCase):
    loops = []  # the event loop of each test, in the order they ran

    async def asyncSetUp(self):  # awaited before each test, on that test's loop
        self.loops.append(asyncio.get_running_loop())

    async def test_a_tiny_search(self):
        self.assertEqual(await find_divisibles(10, 3), [0, 3, 6, 9])

    async def test_b_the_tiny_search_finishes_first(self):
        finished = []

        async def search(inrange, div_by):
            await find_divisibles(inrange, div_by)
            finished.append(inrange)

        await asyncio.gather(search(100052, 3210), search(500, 3))
        self.assertEqual(finished, [500, 100052])

    async def test_c_each_test_has_a_new_loop_in_debug_mode(self):
        # A demonstration only: real tests never depend on each other's order or state.
        self.assertTrue(asyncio.get_running_loop().get_debug())
        self.assertEqual(len(self.loops), 3)
        self.assertIsNot(self.loops[0], self.loops[1])
        self.assertIsNot(self.loops[1], self.loops[2])


if __name__ == "__main__":
    unittest.main(verbosity=2)
