"""`hearout assign TRACK --trainee NAME..`: give trainees a learning path (a built-in track id or a track file)."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK, BadInput, trainee_name
from simulator.untrusted.text import terminal


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="assign a learning path (track) to trainees")
    p.add_argument("track", metavar="TRACK", help="a built-in track id (onboarding) or a track file (.yaml)")
    p.add_argument("--trainee", metavar="NAME", nargs="+", required=True, help="who takes the track")
    p.add_argument("--by", metavar="COACH", help="the coach assigning it (shown in reports)")


def run(args: argparse.Namespace) -> int:
    from simulator.engine.builtin import builtin_files
    from simulator.practice.tracks import TrackError, UnknownTrack, load_track
    from simulator.store import SessionStore, StoreError

    trainees = [trainee_name(t, "hearout assign") for t in args.trainee]
    by = trainee_name(args.by, "hearout assign") if args.by is not None else None
    try:
        track = load_track(args.track, builtin_files())
    except TrackError as exc:
        raise BadInput(str(exc)) from None
    except UnknownTrack as exc:
        raise BadInput(f"hearout assign: error: {exc}") from None
    try:
        with SessionStore.default() as store:
            for name in dict.fromkeys(trainees):
                store.assign(name, track.to_dict(), by=by)
    except StoreError as exc:
        raise BadInput(f"hearout assign: error: {exc}") from None
    steps = len(track.steps)
    print(f"Assigned {terminal(track.title)} ({steps} call{'s' if steps != 1 else ''}) to "
          f"{', '.join(terminal(t) for t in dict.fromkeys(trainees))}.")
    return EXIT_OK
