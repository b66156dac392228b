package io.parley.presentation.ws;

/** The bytes of received frames one connection may keep waiting; each reservation is released once. */
interface InboundAllowance {

    boolean reserve(long bytes);

    void release(long bytes);
}
