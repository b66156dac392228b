package io.parley.presentation.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codecs agree with the reference G.711 coder (values from Python's audioop, which uses Sun's g711.c). */
class AudioEncodingTest {

    @ParameterizedTest
    @CsvSource({"0,ff,0,d5,8", "-1,7e,-8,55,-8", "8,fe,8,d5,8", "1000,ce,988,fa,1008", "-1000,4e,-988,7a,-1008",
            "5000,ab,5116,86,4992", "32767,80,32124,aa,32256", "-32768,00,-32124,2a,-32256"})
    void g711CodesAsTheReferenceCoderDoes(short linear, String mulaw, short fromMulaw, String alaw, short fromAlaw) {
        byte[] mu = AudioEncoding.MULAW.encode(new short[] {linear});
        byte[] a = AudioEncoding.ALAW.encode(new short[] {linear});
        assertThat(mu[0] & 0xFF).isEqualTo(Integer.parseInt(mulaw, 16));
        assertThat(a[0] & 0xFF).isEqualTo(Integer.parseInt(alaw, 16));
        assertThat(AudioEncoding.MULAW.decode(mu)).containsExactly(fromMulaw);
        assertThat(AudioEncoding.ALAW.decode(a)).containsExactly(fromAlaw);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "-1", "12345", "-12345", "32767", "-32768"})
    void linear16IsLittleEndianAndLossless(short linear) {
        byte[] bytes = AudioEncoding.LINEAR16.encode(new short[] {linear});
        assertThat(bytes).containsExactly((byte) linear, (byte) (linear >> 8));
        assertThat(AudioEncoding.LINEAR16.decode(bytes)).containsExactly(linear);
    }
}
