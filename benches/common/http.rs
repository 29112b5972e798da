//! A minimal HTTP/1.1 client on one keep-alive connection, shared by the benchmarks that talk
//! to the real server: enough for responses with a `Content-Length`, which is what every
//! endpoint sends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};

pub struct HttpClient {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    addr: SocketAddr,
}

impl HttpClient {
    pub fn connect(addr: SocketAddr) -> Self {
        let stream = TcpStream::connect(addr).expect("connect to the server");
        stream.set_nodelay(true).expect("TCP_NODELAY");
        Self { reader: BufReader::new(stream.try_clone().expect("clone stream")), writer: stream, addr }
    }

    /// `GET target` with this `Accept`; the body of a 200 answer (anything else panics).
    pub fn get(&mut self, target: &str, accept: &str) -> Vec<u8> {
        let request = format!("GET {target} HTTP/1.1\r\nHost: {}\r\nAccept: {accept}\r\n\r\n", self.addr);
        self.exchange(request.as_bytes())
    }

    /// `POST target` with a JSON body; the body of a 200 answer (anything else panics).
    #[allow(dead_code, reason = "each benchmark compiles this module on its own; not all of them post")]
    pub fn post_json(&mut self, target: &str, json: &str) -> Vec<u8> {
        let request = format!(
            "POST {target} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{json}",
            self.addr,
            json.len()
        );
        self.exchange(request.as_bytes())
    }

    fn exchange(&mut self, request: &[u8]) -> Vec<u8> {
        self.writer.write_all(request).expect("send request");
        let mut status = String::new();
        self.reader.read_line(&mut status).expect("status line");
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).expect("header line");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("content-length");
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).expect("body");
        assert!(
            status.starts_with("HTTP/1.1 200"),
            "unexpected status: {status:?}: {}",
            String::from_utf8_lossy(&body)
        );
        body
    }
}
