package io.parley.presentation.support.twilio;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A TwiML voice response as Twilio reads it: the top-level verbs in order, the text of the first
 * {@code <Say>}, and the bidirectional {@code <Connect><Stream>}, if any.
 */
public record Twiml(List<String> verbs, Optional<String> say, Optional<Stream> stream) {

    /** A {@code <Connect><Stream>}: its attributes and its {@code <Parameter>}s in document order. */
    public record Stream(String url, Optional<String> statusCallback, Optional<String> name,
            Map<String, String> parameters) {
    }

    /** Parses a response with the JDK's XML parser (DTDs refused); fails unless the root is {@code <Response>}. */
    public static Twiml parse(String xml) {
        Element response = root(xml);
        if (!response.getTagName().equals("Response")) {
            throw new IllegalArgumentException("TwiML root is <" + response.getTagName() + ">, not <Response>: " + xml);
        }
        List<Element> verbs = children(response);
        Optional<String> say = verbs.stream().filter(verb -> verb.getTagName().equals("Say"))
                .findFirst().map(Node::getTextContent);
        Optional<Stream> stream = verbs.stream().filter(verb -> verb.getTagName().equals("Connect"))
                .flatMap(connect -> children(connect).stream())
                .filter(noun -> noun.getTagName().equals("Stream"))
                .findFirst().map(Twiml::stream);
        return new Twiml(verbs.stream().map(Element::getTagName).toList(), say, stream);
    }

    private static Stream stream(Element stream) {
        Map<String, String> parameters = new LinkedHashMap<>();
        children(stream).stream().filter(child -> child.getTagName().equals("Parameter"))
                .forEach(parameter -> parameters.put(parameter.getAttribute("name"), parameter.getAttribute("value")));
        return new Stream(stream.getAttribute("url"), attribute(stream, "statusCallback"),
                attribute(stream, "name"), parameters);
    }

    private static Optional<String> attribute(Element element, String name) {
        return element.hasAttribute(name) ? Optional.of(element.getAttribute(name)) : Optional.empty();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element root(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed TwiML: " + xml, e);
        }
    }
}
