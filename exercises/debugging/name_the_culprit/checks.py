"""Make the script report which load blocks the loop: debug mode on in the code, and each
load's task named after what it loads, so that the report names the task users."""

LOADED = {"settings": "settings: 10 rows loaded", "users": "users: 2000 rows loaded",
          "prices": "prices: 300 rows loaded"}  # fmt: skip
STARTER_FAILS = [
    "each load runs in a task named after what it loads: settings, users, prices",
    "debug mode reports the slow step of the task named users",
]


def checks(run):
    trace = run.trace if isinstance(run.trace, dict) else {}
    names = {}  # what each load(...) task loads -> the task's name
    for lane in trace.get("lanes") or []:
        if isinstance(lane, dict) and str(lane.get("label")).startswith("load("):
            what = str(lane.get("label"))[len("load(") :].split(",")[0].strip("'\"")
            names[what] = str(lane.get("name"))
    reports = [line for line in run.lines if line.startswith("Executing <Task ")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "the three loads still run and print their lines",
            sorted(line for line in run.lines if " rows loaded" in line) == sorted(LOADED.values()),
        ),
        (STARTER_FAILS[0], names == {what: what for what in LOADED}),
        (
            STARTER_FAILS[1],
            any("name='users'" in line and " took " in line for line in reports),
        ),
    ]
