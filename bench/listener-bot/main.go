// A light listener bot for the capacity part of bench/interpretation.ts. One process holds hundreds
// of LiveKit participants (server-sdk-go on pion: no audio decoding, no JavaScript event loop per
// frame), each subscribed to one channel's publisher only, as Plenary's listener asks the SFU to.
// Per listener it counts the RTP packets received from that publisher and from anyone else
// (crosstalk). The rtc-node bots decode and check tones; these measure what the SFU holds.
//
// Driven by JSON lines on stdin, answered by one JSON line each on stdout:
//
//	{"join":[{"url":..,"token":..,"from":<publisher identity>},..]}  → {"joined":n,"failed":n,"error":".."}
//	{"report":true}  → {"own":[..],"foreign":[..]} packets per listener since the last report
//	{"close":true}   → {"closed":n}
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"sync"
	"sync/atomic"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

type job struct {
	URL   string `json:"url"`
	Token string `json:"token"`
	From  string `json:"from"`
}

type command struct {
	Join   []job `json:"join"`
	Report bool  `json:"report"`
	Close  bool  `json:"close"`
}

type listener struct {
	from    string
	room    *lksdk.Room
	own     atomic.Int64
	foreign atomic.Int64
}

// subscribe asks the SFU for the publisher's audio, and for nothing else.
func (l *listener) subscribe(pub *lksdk.RemoteTrackPublication, rp *lksdk.RemoteParticipant) {
	if rp.Identity() == l.from && pub.Kind() == lksdk.TrackKindAudio {
		_ = pub.SetSubscribed(true)
	}
}

func join(j job) (*listener, error) {
	l := &listener{from: j.From}
	cb := lksdk.NewRoomCallback()
	cb.ParticipantCallback.OnTrackPublished = l.subscribe
	cb.ParticipantCallback.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, rp *lksdk.RemoteParticipant) {
		counter := &l.foreign
		if rp.Identity() == l.from {
			counter = &l.own
		}
		go func() {
			buf := make([]byte, 1500)
			for {
				if _, _, err := track.Read(buf); err != nil {
					return
				}
				counter.Add(1)
			}
		}()
	}
	room, err := lksdk.ConnectToRoomWithToken(j.URL, j.Token, cb, lksdk.WithAutoSubscribe(false))
	if err != nil {
		return nil, err
	}
	l.room = room
	for _, rp := range room.GetRemoteParticipants() {
		for _, pub := range rp.TrackPublications() {
			if remote, ok := pub.(*lksdk.RemoteTrackPublication); ok {
				l.subscribe(remote, rp)
			}
		}
	}
	return l, nil
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	var listeners []*listener
	for in.Scan() {
		var cmd command
		if err := json.Unmarshal(in.Bytes(), &cmd); err != nil {
			_ = out.Encode(map[string]string{"error": err.Error()})
			continue
		}
		switch {
		case len(cmd.Join) > 0:
			var mu sync.Mutex
			var wg sync.WaitGroup
			failed, firstErr := 0, ""
			limit := make(chan struct{}, 16)
			for _, j := range cmd.Join {
				wg.Add(1)
				limit <- struct{}{}
				go func(j job) {
					defer wg.Done()
					defer func() { <-limit }()
					l, err := join(j)
					mu.Lock()
					defer mu.Unlock()
					if err != nil {
						failed++
						if firstErr == "" {
							firstErr = err.Error()
						}
						return
					}
					listeners = append(listeners, l)
				}(j)
			}
			wg.Wait()
			_ = out.Encode(map[string]any{"joined": len(cmd.Join) - failed, "failed": failed, "error": firstErr})
		case cmd.Report:
			own, foreign := make([]int64, len(listeners)), make([]int64, len(listeners))
			for i, l := range listeners {
				own[i], foreign[i] = l.own.Swap(0), l.foreign.Swap(0)
			}
			_ = out.Encode(map[string]any{"own": own, "foreign": foreign})
		case cmd.Close:
			for _, l := range listeners {
				l.room.Disconnect()
			}
			_ = out.Encode(map[string]int{"closed": len(listeners)})
			return
		}
	}
}
