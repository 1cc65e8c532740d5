"""Load the exported Turtle and TriG into a real Virtuoso (Debian's virtuoso-opensource) and run the saved
queries there: same rows as rdflib. Skipped when Virtuoso is not installed."""

import shutil
import subprocess

import pytest

from kg.store.export import export

from test_push import QUERIES, free_port, local_rows, remote_rows, same_rows, wait_for

VIRTUOSO, ISQL = shutil.which("virtuoso-t"), shutil.which("isql-vt")
INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""
TTL_GRAPH = "https://example.org/kg/turtle"
TRIG_DEFAULT = "https://example.org/kg/trig-default"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, sample_result):
    if not (VIRTUOSO and ISQL):
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    d = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=sql, http=http), encoding="utf-8")
    proc = subprocess.Popen([VIRTUOSO, "+configfile", str(d / "virtuoso.ini"), "+foreground"], cwd=d,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(http, 120)
        wait_for(sql, 30)
        [ttl] = export(sample_result.graph, "turtle", d / "graph.ttl")
        [trig] = export(sample_result.graph, "trig", d / "graph.trig")
        load = (f"DB.DBA.TTLP_MT(file_to_string_output('{ttl}'), '', '{TTL_GRAPH}', 0); "
                f"DB.DBA.TTLP_MT(file_to_string_output('{trig}'), '', '{TRIG_DEFAULT}', 256); checkpoint;")
        # a new database's dba password is "dba"; the server listens on loopback only
        done = subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", f"exec={load}"], capture_output=True,
                              text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        yield f"http://127.0.0.1:{http}/sparql", sql
    finally:
        subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", "exec=shutdown;"], capture_output=True,
                       timeout=60, stdin=subprocess.DEVNULL)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _graphs(sample_result):
    from kg.store.oxigraph import partition

    return [TRIG_DEFAULT] + sorted(partition(sample_result.graph))


@pytest.mark.parametrize("rq", QUERIES, ids=[q.stem for q in QUERIES])
def test_same_rows_from_the_turtle_and_the_trig(virtuoso, sample_result, rq):
    url, _ = virtuoso
    text = rq.read_text(encoding="utf-8")
    want = local_rows(sample_result.graph, text)
    assert len(want) > 1
    assert same_rows(remote_rows(url, text, [TTL_GRAPH]), want, text)
    assert same_rows(remote_rows(url, text, _graphs(sample_result)), want, text)
