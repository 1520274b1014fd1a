"""Property-based tests of the command line's parsing and checking (Hypothesis), run in-process.

Random argument lists are drawn from the parser's real option names, with hostile values:
huge, negative, nan, inf, empty, unicode, control characters, 5,000-character strings. Every
one must end in exit status 0 or 2, with exactly one `error:` line when 2, and never a
traceback or the last-resort "unexpected failure" line.

Only parsing and the checks before work are tested here: the work itself is stubbed
(tests/cli/cli_inprocess.py, `stubbed`): building a network, racing on a surface for more
than 0 steps, analysing an image, rendering a view and opening the window stop the run as
"reached": every check passed and the work would start now (tests/cli/test_cli.py and its
neighbours run the work itself).
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.errors import prints
from cli.parser import EXPORTS, VIEWS, build_parser
from cli_inprocess import run_in_process  # tests/cli is on sys.path; the `stubbed` fixture: conftest.py


def _options(command: str | None) -> list[str]:
    parser = build_parser()
    actions = list(parser._actions)
    if command is not None:
        actions = parser._subparsers._group_actions[0].choices[command]._actions
    return sorted(option for action in actions for option in action.option_strings
                  if option not in ("-h", "--help", "--version"))


OPTIONS = {command: _options(command) for command in (None, "snapshot", "export", "evaluate")}
HOSTILE = st.one_of(
    st.sampled_from(["", " ", "0", "-0.0", "-1", "1", "3", "nan", "inf", "-inf", "1e308", "99999999999999999999",
                     "-99999999999999999999", "4096,4096,4096", "8,8", "x1,x2", "relu,tanh", "adam", "spiral",
                     "digits", "bowl", "pca", "random", "digits", "shapes", "1600x900", "0x0", "1,1", "-1,1",
                     "zh_CN", "en", "a\nerror: fake", "<b>bold</b>", "\x1b[31mred", "\udcff.png", "/dev/null",
                     "/dev/full", "/", ".", "..", "x" * 5000, "9" * 5000, "1_000", " 5 ", "一二三", "\u202e"]),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=5),
)


@st.composite
def command_lines(draw) -> list[str]:
    command = draw(st.sampled_from([None, "snapshot", "export", "evaluate"]))
    argv: list[str] = []
    if command is not None:
        argv.append(command)
        if command == "export":
            argv.append(draw(st.one_of(st.sampled_from(EXPORTS), HOSTILE)))
    for _ in range(draw(st.integers(0, 6))):
        argv.append(draw(st.sampled_from(OPTIONS[command])))
        if draw(st.integers(0, 9)):  # now and then an option without its value
            argv.append(draw(HOSTILE))
    if command == "snapshot" and draw(st.booleans()):
        argv += ["--view", draw(st.sampled_from(VIEWS))]
    if command in ("snapshot", "export") and draw(st.integers(0, 3)):
        argv += ["--out", draw(st.sampled_from(["x.png", "x.csv", "x.npz", "sub/x.png"]))]
    return argv


def check_outcome(argv: list[str], status, out: str, err: str) -> None:
    lines = err.splitlines()
    assert "Traceback" not in err and "unexpected failure" not in err, (argv, err)
    assert status in (0, 2, "reached"), (argv, status, err)
    if status == 2:
        assert len(lines) == 1 and lines[0].startswith("error: "), (argv, err)
        assert len(lines[0]) <= 700, (argv, len(lines[0]))
    else:
        assert not any(line.startswith("error: ") for line in lines), (argv, err)
    for line in lines + out.splitlines():
        assert all(prints(char) for char in line), (argv, line)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(argv=command_lines())
def test_any_command_line_is_refused_in_one_line_or_reaches_the_work(stubbed, argv):
    check_outcome(argv, *run_in_process(argv))


BASES = [
    ["export", "metrics", "--out", "m.csv"],
    ["export", "trace", "--out", "t.json"],
    ["export", "session", "--out", "s.glassbox"],
    ["export", "landscape", "--out", "l.npz"],
    ["export", "landscape", "--surface", "bowl", "--out", "l.npz"],
    ["export", "features", "--image", "img.png", "--out", "f.npz"],
    ["snapshot", "--out", "s.png"],
    ["snapshot", "--view", "network", "--out", "s.png"],
    ["snapshot", "--view", "landscape", "--out", "s.png"],
    ["snapshot", "--view", "landscape", "--surface", "rosenbrock", "--out", "s.png"],
    ["snapshot", "--view", "cnn", "--image", "img.png", "--out", "s.png"],
    ["evaluate", "--folder", "."],
]


@st.composite
def near_valid_lines(draw) -> list[str]:
    """A command line that would run, with one or two options added (or replaced) with hostile values."""
    argv = list(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 2))):
        argv += [draw(st.sampled_from(OPTIONS[argv[0]])), draw(HOSTILE)]
    return argv


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(argv=near_valid_lines())
def test_a_hostile_value_in_a_command_that_would_run(stubbed, argv):
    from PIL import Image

    Image.new("L", (28, 28), 128).save("img.png")
    check_outcome(argv, *run_in_process(argv))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(option=st.sampled_from(["--noise", "--lr", "--train-fraction", "--regularization-rate", "--momentum"]),
       value=st.floats(allow_nan=True, allow_infinity=True))
def test_every_number_option_takes_finite_numbers_only(stubbed, option, value):
    """nan and inf are refused by the parser; -0.0 is 0; whatever is left is the option's own range check."""
    argv = ["export", "metrics", option, repr(value), "--out", "m.csv"]
    if option == "--momentum":
        argv = ["export", "landscape", "--surface", "bowl", option, repr(value), "--out", "l.npz"]
    status, out, err = run_in_process(argv)
    check_outcome(argv, status, out, err)
    if not math.isfinite(value):
        assert status == 2 and "finite" in err


def test_a_negative_zero_noise_is_zero(stubbed):
    status, _, err = run_in_process(["export", "metrics", "--noise", "-0.0", "--out", "m.csv"])
    assert status == "reached", err
